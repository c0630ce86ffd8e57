"""Gap-free receipt numbers: `<shop code>-YYYYMMDD-NNNN`, one counter row per shop per day.

The counter is bumped by one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) inside the
sale's own transaction: a rolled-back sale gives its number back, and two tills can never draw the
same number — SQLite serialises writers, PostgreSQL locks the conflicting row.
"""
from sqlalchemy.dialects import postgresql, sqlite

from ..extensions import db
from .models import ReceiptCounter


def next_number(shop_code: str, business_date) -> int:
    insert = (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(ReceiptCounter)
    statement = (insert.values(shop_code=shop_code, business_date=business_date, last_no=1)
                 .on_conflict_do_update(index_elements=["shop_code", "business_date"],
                                        set_={"last_no": ReceiptCounter.last_no + 1})
                 .returning(ReceiptCounter.last_no))
    return db.session.execute(statement).scalar_one()


def receipt_no(shop_code: str, business_date) -> str:
    code = shop_code or "TOKO"
    return f"{code}-{business_date:%Y%m%d}-{next_number(code, business_date):04d}"
