"""After the counter: status events, the payments list, what is still held, setoran, totals for other features.

A payment's status changes only here: `mark_sent(uuids)` when the hub holds an upload,
`apply_confirmation(uuid, status, ntpd, difference, reason)` for each verdict (both reached through
the effects this feature registers, posapp.samsat.hub_effects), and `mark_refunded` /
`mark_difference_settled` when a settlement (posapp.samsat.settlements) is recorded. A payment that
is ditolak gives its tax years back (periods.release). Add and flush only; the caller commits.
"""
import logging

from sqlalchemy.orm import selectinload

from .. import clock
from ..extensions import db
from ..till.drawer import DrawerPart
from . import periods
from .models import RELEASED, STATUSES, SamsatPayment, SamsatSetoranItem, SamsatStatusEvent
from .settlement_models import SamsatSettlement

log = logging.getLogger(__name__)

VERDICTS = ("terkonfirmasi", "selisih", "ditolak")


def _event(payment, status, **fields):
    event = SamsatStatusEvent(payment_id=payment.id, status=status, created_at=clock.now(), **fields)
    db.session.add(event)
    payment.events.append(event)
    return event


def _by_uuid(uuids):
    return db.session.scalars(db.select(SamsatPayment).where(SamsatPayment.uuid.in_(list(uuids)))
                              .options(selectinload(SamsatPayment.events))).all()


def mark_sent(uuids) -> int:
    """Payments the hub acknowledged: menunggu kirim → terkirim (others are left as they are)."""
    moved = 0
    for payment in _by_uuid(set(uuids)):
        if payment.status == "menunggu_kirim":
            _event(payment, "terkirim")
            moved += 1
    db.session.flush()
    return moved


def apply_confirmation(uuid, status, ntpd=None, difference=None, reason="", detail="") -> SamsatStatusEvent | None:
    """The hub's verdict on one payment; the same verdict twice is recorded once. None: unknown payment."""
    if status not in VERDICTS:
        raise ValueError(f"status konfirmasi tidak dikenal: {status}")
    if status == "terkonfirmasi" and not ntpd:
        raise ValueError("konfirmasi tanpa NTPD")
    found = _by_uuid([uuid])
    if not found:
        return None
    payment = found[0]
    latest = payment.latest
    if latest and (latest.status, latest.ntpd, latest.difference) == (status, ntpd, difference):
        return latest
    if payment.status == "dikembalikan":  # the money went back to the resident: nothing can revive it
        log.warning("Vonis %s untuk %s diabaikan: pembayaran sudah dikembalikan.", status, payment.transaction_no)
        return latest
    released = payment.status in RELEASED
    event = _event(payment, status, ntpd=ntpd, difference=difference, reason=(reason or "")[:200],
                   detail=(detail or "")[:300])
    if status == "ditolak" and not released:
        periods.release(payment)
    elif status != "ditolak" and released:
        periods.reclaim(payment)
    db.session.flush()
    return event


def apply_hub_verdict(verdict: dict):
    """One change of the hub's "samsat" feed (posapp/hub/confirm.py judge() + payment_uuid) as a status event."""
    return apply_confirmation(verdict["payment_uuid"], verdict["status"], verdict.get("ntpd"),
                              verdict.get("difference"), verdict.get("reason") or "", verdict.get("detail") or "")


def mark_refunded(payment, settlement) -> SamsatStatusEvent:
    """A pengembalian of the whole payment: dikembalikan, settled; its tax years are free again."""
    event = _event(payment, "dikembalikan", reason=settlement.settlement_no)
    periods.release(payment)
    db.session.flush()
    return event


def mark_difference_settled(payment, settlement) -> SamsatStatusEvent:
    """A selisih settled with the resident (shortfall in: +, excess out: −); the hub's NTPD follows."""
    signed = settlement.amount if settlement.kind == "kurang_bayar" else -settlement.amount
    event = _event(payment, "diselesaikan", difference=signed, reason=settlement.settlement_no)
    db.session.flush()
    return event


def adjustments(payment_ids) -> dict:
    """{payment id: shortfalls collected − excesses refunded} (a whole refund is not an adjustment)."""
    sign = db.case((SamsatSettlement.kind == "kurang_bayar", SamsatSettlement.amount), else_=-SamsatSettlement.amount)
    rows = db.session.execute(
        db.select(SamsatSettlement.payment_id, db.func.sum(sign))
        .where(SamsatSettlement.payment_id.in_(list(payment_ids)), SamsatSettlement.reason != "ditolak")
        .group_by(SamsatSettlement.payment_id))
    return {payment_id: int(total) for payment_id, total in rows}


def held(payments) -> dict:
    """{payment id: titipan held for it}: the tax charged, plus shortfalls, less excesses refunded."""
    extra = adjustments([p.id for p in payments])
    return {p.id: p.tax + extra.get(p.id, 0) for p in payments}


def latest_status_column():
    """A correlated subquery: the latest status of each payment (for filters)."""
    return (db.select(SamsatStatusEvent.status).where(SamsatStatusEvent.payment_id == SamsatPayment.id)
            .order_by(SamsatStatusEvent.id.desc()).limit(1).scalar_subquery())


def search(day=None, status=None, limit=500):
    query = db.select(SamsatPayment).options(selectinload(SamsatPayment.events)).order_by(SamsatPayment.id.desc())
    if day is not None:
        query = query.where(SamsatPayment.business_date == day)
    if status in STATUSES:
        query = query.where(latest_status_column() == status)
    return db.session.scalars(query.limit(limit)).all()


def unsettled(limit=1000):
    """Payments whose titipan is still held (neither deposited nor refunded), oldest first."""
    deposited = db.select(SamsatSetoranItem.id).where(SamsatSetoranItem.payment_id == SamsatPayment.id).exists()
    return db.session.scalars(
        db.select(SamsatPayment).options(selectinload(SamsatPayment.events))
        .where(~deposited, latest_status_column() != "dikembalikan")
        .order_by(SamsatPayment.created_at, SamsatPayment.id).limit(limit)).all()


def shift_totals(shift) -> dict:
    """Samsat money in one shift, apart from shop money (the X/Z reports): count, tax, fee, total, cash, noncash
    (net of the settlements made during the shift: refunds paid out, shortfalls taken in)."""
    rows = db.session.execute(
        db.select(SamsatPayment.method, db.func.count(SamsatPayment.id), db.func.sum(SamsatPayment.tax),
                  db.func.sum(SamsatPayment.fee), db.func.sum(SamsatPayment.total),
                  db.func.coalesce(db.func.sum(SamsatPayment.rounding), 0))
        .where(SamsatPayment.shift_id == shift.id).group_by(SamsatPayment.method)).all()
    out = {"count": 0, "tax": 0, "fee": 0, "total": 0, "cash": 0, "noncash": 0, "rounding": 0, "refunded": 0,
           "shortfall": 0}
    for method, count, tax, charge, total, rounding in rows:
        out["count"] += count
        out["tax"] += int(tax)
        out["fee"] += int(charge)
        out["total"] += int(total)
        out["rounding"] += int(rounding)  # cash the koperasi let go: not in the drawer
        out["cash" if method == "cash" else "noncash"] += int(total) - int(rounding)
    # what changed hands: a full refund gives back what the resident paid, the cash rounding not included
    returned = db.case(((SamsatSettlement.kind == "pengembalian") & (SamsatSettlement.reason == "ditolak"),
                        db.func.coalesce(SamsatPayment.rounding, 0)), else_=0)
    settled = db.session.execute(
        db.select(SamsatSettlement.kind, SamsatSettlement.method,
                  db.func.sum(SamsatSettlement.amount + SamsatSettlement.fee_refund - returned))
        .join(SamsatPayment, SamsatPayment.id == SamsatSettlement.payment_id)
        .where(SamsatSettlement.shift_id == shift.id).group_by(SamsatSettlement.kind, SamsatSettlement.method))
    for kind, method, total in settled:
        into_drawer = int(total) if kind == "kurang_bayar" else -int(total)
        out["shortfall" if kind == "kurang_bayar" else "refunded"] += int(total)
        out["cash" if method == "cash" else "noncash"] += into_drawer
    return out


def confirmed_total(start, end) -> int:
    """Titipan of the payments in [start, end] whose latest status is terkonfirmasi."""
    return int(db.session.scalar(
        db.select(db.func.coalesce(db.func.sum(SamsatPayment.tax), 0))
        .where(SamsatPayment.business_date >= start, SamsatPayment.business_date <= end,
               latest_status_column() == "terkonfirmasi")))


def shift_part(shift) -> DrawerPart:
    """The Samsat money of a shift in its drawer (kept apart from shop money in the X/Z report)."""
    totals = shift_totals(shift)
    return DrawerPart(cash=totals["cash"], figures={"samsat": totals})
