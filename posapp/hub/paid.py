"""The vehicle's paid periods at the hub: every outlet's standing payments, a tax year held once.

The primary key (plate, due) of hub_samsat_period decides between two outlets' batches racing for
the same year: PostgreSQL makes the second INSERT wait for the first transaction, then skips it
(ON CONFLICT DO NOTHING), and that payment is rejected `already_paid`.
"""
from datetime import date

from sqlalchemy.dialects.postgresql import insert

from ..samsat.dates import add_years
from .extensions import db
from .models import Koperasi, SamsatPaidPeriod
from .security import hub_now


def periods_of(plate: str) -> list[SamsatPaidPeriod]:
    return db.session.scalars(db.select(SamsatPaidPeriod).where(SamsatPaidPeriod.plate == plate)
                              .order_by(SamsatPaidPeriod.due)).all()


def next_due(register_due: date, periods) -> date:
    """The first due date from the register's on that no standing payment covers (the new due date)."""
    paid, due = {p.due for p in periods}, register_due
    while due in paid:
        due = add_years(due, 1)
    return due


def holders(plate: str, dues, except_uuid="") -> list[SamsatPaidPeriod]:
    """The periods among `dues` another payment already holds."""
    dues = list(dues)
    if not dues:
        return []
    return db.session.scalars(db.select(SamsatPaidPeriod).where(
        SamsatPaidPeriod.plate == plate, SamsatPaidPeriod.due.in_(dues),
        SamsatPaidPeriod.payment_uuid != except_uuid).order_by(SamsatPaidPeriod.due)).all()


def claim(plate, dues, payment_uuid, shop_id, transaction_no, paid_on) -> bool:
    """Hold every one of `dues` for this payment, or none of them (False: another payment holds one)."""
    dues = sorted(set(dues))
    rows = [{"plate": plate, "due": due, "payment_uuid": payment_uuid, "shop_id": shop_id,
             "transaction_no": (transaction_no or "")[:40], "paid_on": paid_on, "created_at": hub_now()}
            for due in dues]
    if not rows:
        return True
    statement = insert(SamsatPaidPeriod).values(rows).on_conflict_do_nothing().returning(SamsatPaidPeriod.due)
    got = set(db.session.execute(statement).scalars())
    if len(got) == len(dues):
        return True
    release(payment_uuid, shop_id)
    return False


def release(payment_uuid: str, shop_id: int) -> None:
    """A payment refunded in full no longer stands: its years may be paid again (only its own outlet can say so)."""
    db.session.execute(db.delete(SamsatPaidPeriod).where(SamsatPaidPeriod.payment_uuid == payment_uuid,
                                                         SamsatPaidPeriod.shop_id == shop_id))


def outlets(shop_ids) -> dict:
    """{shop id: "name (code)"} for saying where a year was paid."""
    rows = db.session.execute(db.select(Koperasi.id, Koperasi.name, Koperasi.code)
                              .where(Koperasi.id.in_(list(shop_ids))))
    return {shop_id: f"{name} ({code})" for shop_id, name, code in rows}


def as_json(periods) -> list[dict]:
    """The paid periods as the inquiry answers them: when, where, with which transaction."""
    where = outlets({p.shop_id for p in periods})
    return [{"due": p.due.isoformat(), "paid_on": p.paid_on.isoformat() if p.paid_on else None,
             "new_tax_due": add_years(p.due, 1).isoformat(), "transaction_no": p.transaction_no,
             "outlet": where.get(p.shop_id, "")} for p in periods]


def describe(periods) -> str:
    """"masa pajak 01-11-2026 sudah dibayar 24-11-2026 di … (KOP02), no. transaksi …" for the shop."""
    where = outlets({p.shop_id for p in periods})
    return "; ".join(f"masa pajak {p.due:%d-%m-%Y} sudah dibayar"
                     + (f" {p.paid_on:%d-%m-%Y}" if p.paid_on else "")
                     + f" di {where.get(p.shop_id, '?')}, no. transaksi {p.transaction_no}" for p in periods)[:300]
