"""Sales and shift closes post through the ledger's acts in the act's own transaction."""
import uuid

import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger import balances
from posapp.ledger.models import JournalEntry
from posapp.sales import service
from posapp.till import shifts


def test_sale_and_shift_close_post_to_the_ledger(ledger, users, make_product):
    kasir = users["kasir"]
    product = make_product(price=51_500, cost=44_000)
    shift = shifts.open_shift(kasir, 200_000)
    sale, _, _ = service.complete_sale(kasir, {
        "uuid": str(uuid.uuid4()), "member": False, "lines": [{"product_id": product.id, "qty": 2}],
        "payments": [{"method": "cash", "amount": 60_000}, {"method": "qris", "amount": 43_000, "reference": "QR123"}]})
    db.session.commit()
    entry = db.session.scalar(sa.select(JournalEntry).where(JournalEntry.source == "sale"))
    assert entry.source_ref == sale.receipt_no and entry.source_uuid == sale.uuid
    assert {(x.account_code, x.debit, x.credit) for x in entry.lines} == {
        ("1101", 60_000, 0), ("1102", 43_000, 0), ("4101", 0, 103_000), ("5101", 88_000, 0), ("1301", 0, 88_000)}
    shifts.close_shift(shift, kasir, 258_000, note="uang receh kurang")  # expected 260.000
    db.session.commit()
    assert balances.account_balance("6101") == 2_000 and balances.kas_balance() == 58_000
