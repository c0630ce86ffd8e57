"""A busy day past 9,999: receipt and journal numbers keep their day's order as text, in the database's own
ORDER BY (SQLite and PostgreSQL collations) and in the journal export."""
from datetime import date

from posapp.extensions import db
from posapp.ledger.models import JournalCounter, JournalEntry
from posapp.numbering import serial_value
from posapp.reports.ranges import journal_rows
from posapp.sales.models import ReceiptCounter, Sale

DAY = date(2026, 11, 24)


def test_receipt_and_journal_numbers_sort_right_past_9999(sell, make_product):
    db.session.add_all([ReceiptCounter(shop_code="KOP01", business_date=DAY, last_no=9997),
                        JournalCounter(business_date=DAY, last_no=9997)])
    db.session.commit()
    product = make_product(stock=100)
    receipts = [sell([(product, 1)], cash=10_000).get_json()["receipt_no"] for _ in range(4)]
    assert receipts == ["KOP01-20261124-9998", "KOP01-20261124-9999", "KOP01-20261124-A10000",
                        "KOP01-20261124-A10001"]
    by_text = db.session.scalars(db.select(Sale.receipt_no).order_by(Sale.receipt_no)).all()
    assert by_text == receipts
    entries = db.session.scalars(db.select(JournalEntry.entry_no).order_by(JournalEntry.id)).all()
    assert [serial_value(e) for e in entries] == [9998, 9999, 10_000, 10_001]
    assert db.session.scalars(db.select(JournalEntry.entry_no).order_by(JournalEntry.entry_no)).all() == entries
    exported = [row[1] for row in journal_rows(DAY, DAY)]
    assert exported == sorted(exported) and sorted(set(exported)) == entries
