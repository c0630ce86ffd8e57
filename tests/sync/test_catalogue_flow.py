"""The curated OPOP catalogue end to end: published on the hub (PostgreSQL), pulled by the shop over real HTTP."""
import logging

import pytest

from posapp.audit.models import AuditEntry
from posapp.catalog.models import Product
from posapp.extensions import db
from posapp.sync.runner import run_sync
from posapp.wire.state import SyncRejection
from posapp.sync.status import attention_rows, chip

KOPI = {"code": "OPOP-KOPI-01", "name": "Kopi Robusta Dampit", "barcode": "8991234567891", "category": "Kopi",
        "unit": "bks", "recommended_price": "35.000", "pesantren": "PP Sunan Drajat", "halal_cert": "ID35110000123456"}
SARUNG = {"code": "OPOP-SARUNG-02", "name": "Sarung Tenun Gresik", "category": "Sandang",
          "recommended_price": "185.000", "pesantren": "PP Maskumambang"}
MADU = {"code": "OPOP-MADU-03", "name": "Madu Hutan Sumbawa", "barcode": "8997770000038", "category": "Madu",
        "unit": "btl", "recommended_price": "95.000", "pesantren": "PP Al-Amien"}


@pytest.fixture
def publish(hub):
    """Publish items on the hub as its admin page does; each call commits one set of new versions."""
    from posapp.hub import catalogue
    from posapp.hub.extensions import db as hub_db

    def run(*forms, withdraw=()):
        def act():
            for form in forms:
                code = form["code"] if hub_db.session.get(catalogue.CuratedProduct, form["code"]) else None
                item, errors = catalogue.save_form(form, code=code, by="prov")
                assert not errors, errors
            for code in withdraw:
                catalogue.set_active(code, False, by="prov")
            hub_db.session.commit()
        hub(act)
    return run


def shop_products() -> dict:
    db.session.expire_all()
    return {p.sku: p for p in db.session.scalars(db.select(Product))}


def snapshot():
    """Everything a sync could change on the shop's side of the catalogue."""
    rows = [(p.sku, p.name, p.barcode, p.category, p.unit, p.price, p.cost, p.active, p.opop_curated, p.on_hand)
            for p in shop_products().values()]
    audit = db.session.scalar(db.select(db.func.count(AuditEntry.id)))
    held = db.session.execute(db.select(SyncRejection.uuid, SyncRejection.code)).all()
    return sorted(rows), audit, sorted(held)


def test_curated_catalogue_flows_down_and_the_hub_wins_for_reference_fields(enrolled, publish, make_product,
                                                                            manajer_client, caplog):
    own = make_product(sku="MADU-TOKO", name="Madu milik toko", barcode=MADU["barcode"], price=90_000)
    publish(KOPI, SARUNG, MADU)

    with caplog.at_level(logging.WARNING):
        assert run_sync()["ok"]
    products = shop_products()
    kopi, sarung = products["OPOP-KOPI-01"], products["OPOP-SARUNG-02"]
    assert (kopi.name, kopi.barcode, kopi.price, kopi.cost, kopi.on_hand, kopi.active, kopi.opop_curated,
            kopi.pesantren, kopi.halal_cert) == ("Kopi Robusta Dampit", "8991234567891", 35_000, 0, 0, True, True,
                                                 "PP Sunan Drajat", "ID35110000123456")
    assert (sarung.price, sarung.barcode, sarung.active, sarung.opop_curated) == (185_000, None, True, True)
    # The conflicting barcode is reported, not applied; the shop's own product is untouched.
    assert "OPOP-MADU-03" not in products and products["MADU-TOKO"].name == "Madu milik toko"
    assert not products["MADU-TOKO"].opop_curated
    assert "OPOP-MADU-03" in caplog.text and "Madu milik toko" in caplog.text
    [held] = attention_rows()
    assert held["kind"] == "Katalog OPOP" and held["uuid"] == "OPOP:OPOP-MADU-03"
    assert "sudah dipakai produk lain" in held["reason"] and "Madu milik toko" in held["reason"]
    assert chip()["attention"] == 1
    page = manajer_client.get("/sinkronisasi/").get_data(as_text=True)
    assert "Katalog OPOP" in page and "«Madu milik toko» (MADU-TOKO)" in page

    kopi.price, kopi.cost, kopi.member_price = 38_000, 26_000, 37_000  # the shop's own prices
    db.session.commit()
    publish({**KOPI, "name": "Kopi Robusta Dampit 200 g", "unit": "pak", "recommended_price": "40.000"},
            withdraw=["OPOP-SARUNG-02"])
    assert run_sync()["ok"]

    products = shop_products()
    kopi, sarung = products["OPOP-KOPI-01"], products["OPOP-SARUNG-02"]
    assert (kopi.name, kopi.unit, kopi.price, kopi.cost, kopi.member_price, kopi.active) == (
        "Kopi Robusta Dampit 200 g", "pak", 38_000, 26_000, 37_000, True)
    assert sarung.active is False and sarung.opop_curated  # withdrawn: inactive, never deleted
    edit = manajer_client.get(f"/produk/{kopi.id}").get_data(as_text=True)
    assert 'id="hub-price"' in edit and "Rp 40.000" in edit
    actions = db.session.scalars(db.select(AuditEntry.action).where(AuditEntry.address == "sinkronisasi")).all()
    assert sorted(actions) == ["product.curated.create", "product.curated.create", "product.curated.update",
                               "product.curated.withdrawn"]

    before = snapshot()
    again = run_sync()
    assert again["ok"] and again["received"] == 0
    assert snapshot() == before  # a second sync changes nothing

    # The manager frees the barcode: the held-back item applies on the next sync and leaves the list.
    db.session.get(Product, own.id).barcode = None
    db.session.commit()
    assert run_sync()["ok"]
    madu = shop_products()["OPOP-MADU-03"]
    assert (madu.barcode, madu.price, madu.opop_curated, madu.active) == ("8997770000038", 95_000, True, True)
    assert attention_rows() == [] and chip()["attention"] == 0
