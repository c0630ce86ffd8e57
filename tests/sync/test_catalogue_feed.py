"""A "catalogue" page is applied with its cursor; a bad item is held back and never blocks the others."""
from posapp.catalog.models import Product
from posapp.extensions import db
from posapp.sync.feed import apply_page, cursor_of
from posapp.wire.state import SyncRejection
from posapp.sync.status import attention_rows

GOOD = {"code": "OPOP-KOPI-01", "version": 1, "name": "Kopi Robusta Dampit", "barcode": "8991234567891",
        "category": "Kopi", "unit": "bks", "recommended_price": 35_000, "pesantren": "PP Sunan Drajat",
        "halal_cert": "", "active": True}


def page(*changes):
    return {"changes": [{"seq": seq, "key": key, "payload": payload} for seq, key, payload in changes],
            "last_seq": changes[-1][0], "has_more": False}


def test_bad_items_are_held_back_and_the_rest_applies_with_the_cursor(app):
    first = page((1, "RUSAK", "bukan objek"), (2, "OPOP-KOPI-01", GOOD),
                 (3, "OPOP-MAHAL", {**GOOD, "code": "OPOP-MAHAL", "barcode": None, "recommended_price": 12.5}))
    apply_page("catalogue", first)
    db.session.commit()
    assert cursor_of("catalogue") == 3
    assert [p.sku for p in db.session.scalars(db.select(Product))] == ["OPOP-KOPI-01"]
    held = {(r["uuid"], r["kind"]) for r in attention_rows()}
    assert held == {("OPOP:RUSAK", "Katalog OPOP"), ("OPOP:OPOP-MAHAL", "Katalog OPOP")}
    assert all("tidak sah" in r["reason"] for r in attention_rows())

    apply_page("catalogue", first)  # delivered again (at least once): nothing doubles
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(SyncRejection.id))) == 2
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 1

    fixed = {**GOOD, "code": "OPOP-MAHAL", "barcode": None, "recommended_price": 12_500, "version": 2}
    apply_page("catalogue", page((4, "OPOP-MAHAL", fixed)))  # a corrected version settles it
    db.session.commit()
    assert [r["uuid"] for r in attention_rows()] == ["OPOP:RUSAK"]
    assert db.session.scalar(db.select(Product.price).where(Product.sku == "OPOP-MAHAL")) == 12_500
