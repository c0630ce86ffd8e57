"""After the counter: status events from the hub, the payments list, setoran, totals for other features.

A payment's status changes only here: `mark_sent(uuids)` when the hub holds an upload and
`apply_confirmation(uuid, status, ntpd, difference, reason)` for each verdict, both reached through
the effects this feature registers (posapp.samsat.hub_effects). Add and flush only; the caller commits.
"""
from sqlalchemy.orm import selectinload

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..till.drawer import DrawerPart
from . import postings
from .counter import SamsatRefused
from .models import STATUSES, SamsatPayment, SamsatSetoran, SamsatSetoranItem, SamsatStatusEvent

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


def apply_confirmation(uuid, status, ntpd=None, difference=None, reason="") -> SamsatStatusEvent | None:
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
    event = _event(payment, status, ntpd=ntpd, difference=difference, reason=(reason or "")[:200])
    db.session.flush()
    return event


def apply_hub_verdict(verdict: dict):
    """One change of the hub's "samsat" feed (posapp/hub/confirm.py judge() + payment_uuid) as a status event."""
    return apply_confirmation(verdict["payment_uuid"], verdict["status"], verdict.get("ntpd"),
                              verdict.get("difference"), verdict.get("reason") or "")


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


def deposited_ids(payment_ids) -> set:
    rows = db.session.scalars(db.select(SamsatSetoranItem.payment_id)
                              .where(SamsatSetoranItem.payment_id.in_(list(payment_ids))))
    return set(rows)


def depositable():
    """Confirmed payments not yet deposited (what a setoran can cover)."""
    confirmed = search(status="terkonfirmasi", limit=5000)
    done = deposited_ids([p.id for p in confirmed])
    return [p for p in confirmed if p.id not in done]


def record_setoran(user, payment_ids, via="cash", note="") -> SamsatSetoran:
    """Deposit to the province against confirmed, not yet deposited payments; the amount is their titipan."""
    ids = sorted({int(i) for i in payment_ids})
    if not ids:
        raise SamsatRefused("Pilih pembayaran yang disetor.", "payments")
    if via not in ("cash", "bank"):
        raise SamsatRefused("Setoran lewat tunai atau bank.", "via")
    payments = db.session.scalars(db.select(SamsatPayment).where(SamsatPayment.id.in_(ids))).all()
    if len(payments) != len(ids):
        raise SamsatRefused("Ada pembayaran yang tidak ditemukan.", "payments")
    for payment in payments:
        if payment.status != "terkonfirmasi":
            raise SamsatRefused(f"{payment.transaction_no} belum terkonfirmasi ({payment.status_label}); "
                               "hanya pembayaran terkonfirmasi yang boleh disetor.", "payments")
    if already := deposited_ids(ids):
        numbers = ", ".join(p.transaction_no for p in payments if p.id in already)
        raise SamsatRefused(f"Sudah pernah disetor: {numbers}.", "payments")
    today = clock.today()
    setoran = SamsatSetoran(uuid=new_uuid(), business_date=today, amount=sum(p.tax for p in payments), via=via,
                            note=(note or "").strip()[:200], user_id=user.id, created_at=clock.now(),
                            setoran_no=f"SETOR-{today:%Y%m%d}-{_setoran_count(today) + 1:03d}")
    db.session.add(setoran)
    db.session.flush()
    db.session.add_all(SamsatSetoranItem(setoran_id=setoran.id, payment_id=p.id) for p in payments)
    db.session.flush()
    postings.post_setoran(setoran)
    audit.record("samsat.setoran", f"{setoran.setoran_no}: {len(payments)} pembayaran, {setoran.amount}", user=user)
    return setoran


def _setoran_count(day) -> int:
    return db.session.scalar(db.select(db.func.count(SamsatSetoran.id)).where(SamsatSetoran.business_date == day))


def shift_totals(shift) -> dict:
    """Samsat money in one shift, apart from shop money (the X/Z reports): count, tax, fee, total, cash, noncash."""
    rows = db.session.execute(
        db.select(SamsatPayment.method, db.func.count(SamsatPayment.id), db.func.sum(SamsatPayment.tax),
                  db.func.sum(SamsatPayment.fee), db.func.sum(SamsatPayment.total),
                  db.func.coalesce(db.func.sum(SamsatPayment.rounding), 0))
        .where(SamsatPayment.shift_id == shift.id).group_by(SamsatPayment.method)).all()
    out = {"count": 0, "tax": 0, "fee": 0, "total": 0, "cash": 0, "noncash": 0, "rounding": 0}
    for method, count, tax, charge, total, rounding in rows:
        out["count"] += count
        out["tax"] += int(tax)
        out["fee"] += int(charge)
        out["total"] += int(total)
        out["rounding"] += int(rounding)  # cash the koperasi let go: not in the drawer
        out["cash" if method == "cash" else "noncash"] += int(total) - int(rounding)
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
