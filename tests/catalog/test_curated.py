"""apply_curated: the hub's curated items onto the shop's products (the hub wins for reference fields)."""
import pytest

from posapp.audit.models import AuditEntry
from posapp.catalog.curated import CuratedSkip, apply_curated
from posapp.catalog.models import Product
from posapp.extensions import db

ITEM = {"code": "OPOP-KOPI-01", "version": 1, "name": "Kopi Robusta Dampit", "barcode": "8991234567891",
        "category": "Kopi", "unit": "bks", "recommended_price": 35_000, "pesantren": "PP Sunan Drajat",
        "halal_cert": "ID35110000123456", "active": True}


def product(sku="OPOP-KOPI-01") -> Product:
    db.session.expire_all()
    return db.session.scalar(db.select(Product).where(Product.sku == sku))


def audit_actions():
    return [e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


def test_new_item_becomes_an_active_curated_product_priced_at_the_recommendation(app):
    assert apply_curated(ITEM) == "created"
    p = product()
    assert (p.name, p.barcode, p.price, p.cost, p.on_hand, p.active, p.opop_curated) == (
        "Kopi Robusta Dampit", "8991234567891", 35_000, 0, 0, True, True)
    entry = db.session.scalar(db.select(AuditEntry))
    assert (entry.action, entry.user_id, entry.address) == ("product.curated.create", None, "sinkronisasi")


def test_hub_wins_for_reference_fields_and_the_shop_keeps_its_prices_and_stock(app):
    apply_curated(ITEM)
    p = product()
    p.price, p.cost, p.member_price, p.min_stock = 38_000, 27_000, 36_000, 4
    db.session.commit()
    from posapp.catalog.stock import record_move
    record_move(p, 12, "receive")
    db.session.commit()
    changed = {**ITEM, "version": 2, "name": "Kopi Robusta Dampit 200 g", "recommended_price": 40_000,
               "halal_cert": "ID35110000999999"}
    assert apply_curated(changed, previous=ITEM) == "updated"
    p = product()
    assert (p.name, p.halal_cert) == ("Kopi Robusta Dampit 200 g", "ID35110000999999")
    assert (p.price, p.cost, p.member_price, p.min_stock, p.on_hand) == (38_000, 27_000, 36_000, 4, 12)
    detail = db.session.scalars(db.select(AuditEntry.detail).where(AuditEntry.action == "product.curated.update")).one()
    assert "Kopi Robusta Dampit → Kopi Robusta Dampit 200 g" in detail and "v2" in detail


def test_the_same_version_twice_changes_nothing(app):
    apply_curated(ITEM)
    before = audit_actions()
    assert apply_curated(ITEM, previous=ITEM) == "unchanged"
    assert audit_actions() == before


def test_withdrawal_deactivates_and_publishing_again_reactivates(app):
    apply_curated(ITEM)
    withdrawn = {**ITEM, "version": 2, "active": False}
    assert apply_curated(withdrawn, previous=ITEM) == "withdrawn"
    assert product().active is False  # deactivated, never deleted
    assert apply_curated({**ITEM, "version": 3}, previous=withdrawn) == "reactivated"
    assert product().active is True


def test_a_product_the_manager_deactivated_stays_inactive_when_the_hub_edits_it(app):
    apply_curated(ITEM)
    product().active = False
    db.session.commit()
    assert apply_curated({**ITEM, "version": 2, "name": "Kopi Dampit"}, previous=ITEM) == "updated"
    assert product().active is False


def test_withdrawn_item_the_shop_never_had_is_not_created(app):
    assert apply_curated({**ITEM, "active": False}) == "unchanged"
    assert product() is None


def test_own_product_with_the_opop_code_as_sku_is_adopted(app, make_product):
    make_product(sku="OPOP-KOPI-01", name="kopi dampit", barcode=None, price=33_000)
    assert apply_curated(ITEM) == "updated"
    p = product()
    assert (p.opop_curated, p.name, p.barcode, p.price) == (True, "Kopi Robusta Dampit", "8991234567891", 33_000)


def test_barcode_of_another_product_is_a_conflict_and_nothing_is_written(app, make_product):
    own = make_product(sku="KOPI-SENDIRI", barcode="8991234567891", name="Kopi milik toko")
    with pytest.raises(CuratedSkip) as skip:
        apply_curated(ITEM)
    assert skip.value.code == "catalogue_barcode_taken" and "Kopi milik toko" in skip.value.detail
    assert product() is None and db.session.get(Product, own.id).barcode == "8991234567891"


def test_invalid_item_is_skipped(app):
    with pytest.raises(CuratedSkip) as skip:
        apply_curated({**ITEM, "barcode": "8991234567890"})
    assert skip.value.code == "catalogue_invalid"
