"""Gap-free receipt numbers: `<shop code>-YYYYMMDD-NNNN` (`-A10000` past 9,999: posapp/numbering.py),
one counter row per shop per day.

The counter is bumped by one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) inside the
sale's own transaction: a rolled-back sale gives its number back, and two tills can never draw the
same number — SQLite serialises writers, PostgreSQL locks the conflicting row.
"""
from ..database import bump_counter
from ..numbering import day_serial
from .models import ReceiptCounter


def next_number(shop_code: str, business_date) -> int:
    return bump_counter(ReceiptCounter, {"shop_code": shop_code, "business_date": business_date})


def receipt_no(shop_code: str, business_date) -> str:
    code = shop_code or "TOKO"
    return f"{code}-{business_date:%Y%m%d}-{day_serial(next_number(code, business_date))}"
