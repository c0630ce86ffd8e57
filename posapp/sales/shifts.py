"""Shifts: open with the opening cash, close with a count; the X/Z report figures."""
import json

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..money import MoneyError, check_integer
from ..sync import outbox
from . import hooks
from .models import Payment, Sale, Shift
from .pricing import MAX_TENDER, PricingError

DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)


class ShiftError(PricingError):
    pass


def open_shift_of(user):
    """The user's open shift, or None."""
    return db.session.scalar(db.select(Shift).where(Shift.user_id == user.id, Shift.closed_at.is_(None)))


def require_open_shift(user) -> Shift:
    shift = open_shift_of(user)
    if shift is None:
        raise ShiftError("Buka shift dulu.", "shift")
    return shift


def open_shift(user, opening_cash) -> Shift:
    if open_shift_of(user) is not None:
        raise ShiftError("Shift Anda masih terbuka; tutup dulu sebelum membuka yang baru.", "shift")
    opening_cash = _amount(opening_cash, "opening_cash", "Kas awal")
    shift = Shift(uuid=new_uuid(), user_id=user.id, business_date=clock.today(), opened_at=clock.now(),
                  opening_cash=opening_cash)
    db.session.add(shift)
    db.session.flush()
    audit.record("shift.open", f"shift {shift.id}, kas awal {opening_cash}", user=user)
    return shift


def count_denominations(counts: dict) -> int:
    """Total of a count by denomination {100000: 3, 500: 4}."""
    total = 0
    for value, pieces in counts.items():
        if int(value) not in DENOMINATIONS:
            raise ShiftError("Pecahan uang tidak dikenal.", "denominations")
        if isinstance(pieces, bool) or not isinstance(pieces, int) or not 0 <= pieces <= 100_000:
            raise ShiftError("Jumlah lembar/keping tidak valid.", "denominations")
        total += int(value) * pieces
    return total


def close_shift(shift: Shift, user, counted, note="", denominations=None) -> Shift:
    """Count the cash; a difference needs a note and goes to the ledger hook."""
    if not shift.is_open:
        raise ShiftError("Shift ini sudah ditutup.", "shift")
    if denominations:
        counted = count_denominations(denominations)
    counted = _amount(counted, "counted_cash", "Uang dihitung")
    expected = summary(shift)["cash_expected"]
    note = (note or "").strip()
    if counted != expected and not note:
        raise ShiftError("Ada selisih kas: tulis catatan penjelasannya.", "note")
    shift.closed_at, shift.counted_cash, shift.expected_cash = clock.now(), counted, expected
    shift.difference, shift.close_note = counted - expected, note[:1000]
    shift.denominations = json.dumps({str(k): v for k, v in (denominations or {}).items()})
    db.session.flush()
    hooks.post_cash_difference(shift)
    outbox.enqueue("shift_close", shift.uuid, shift.business_date, close_payload(shift))
    audit.record("shift.close", f"shift {shift.id}: diharapkan {expected}, dihitung {counted}, "
                                f"selisih {shift.difference}", user=user)
    return shift


def _amount(value, field, label) -> int:
    if isinstance(value, str):
        from ..money import parse_rupiah
        try:
            value = parse_rupiah(value, maximum=MAX_TENDER)
        except MoneyError as exc:
            raise ShiftError(f"{label}: {exc}", field) from None
    try:
        value = check_integer(value, label)
    except MoneyError as exc:
        raise ShiftError(str(exc), field) from None
    if not 0 <= value <= MAX_TENDER:
        raise ShiftError(f"{label} harus 0 sampai Rp 1.000.000.000.", field)
    return value


def summary(shift: Shift) -> dict:
    """The X/Z report figures: sales, refunds, voids, payments by method, cash expected."""
    kinds = dict.fromkeys(("sale", "refund", "void"))
    for kind in kinds:
        count, total = db.session.execute(
            db.select(db.func.count(Sale.id), db.func.coalesce(db.func.sum(Sale.total), 0))
            .where(Sale.shift_id == shift.id, Sale.kind == kind)).one()
        kinds[kind] = {"count": count, "total": int(total)}
    methods = {}
    rows = db.session.execute(db.select(Payment.method, Sale.kind, db.func.sum(Payment.amount))
                              .join(Sale).where(Sale.shift_id == shift.id)
                              .group_by(Payment.method, Sale.kind)).all()
    for method, kind, amount in rows:
        methods[method] = methods.get(method, 0) + (int(amount) if kind == "sale" else -int(amount))
    samsat = hooks.samsat_totals(shift)
    cash_expected = shift.opening_cash + methods.get("cash", 0) + (samsat or {}).get("cash", 0)
    return {"sales": kinds["sale"], "refunds": kinds["refund"], "voids": kinds["void"],
            "net": kinds["sale"]["total"] - kinds["refund"]["total"] - kinds["void"]["total"],
            "payments": methods, "opening_cash": shift.opening_cash, "cash_expected": cash_expected,
            "samsat": samsat}


def close_payload(shift: Shift) -> dict:
    return {"uuid": shift.uuid, "user": shift.user.username, "business_date": shift.business_date.isoformat(),
            "opened_at": shift.opened_at.isoformat(), "closed_at": shift.closed_at.isoformat(),
            "opening_cash": shift.opening_cash, "expected_cash": shift.expected_cash,
            "counted_cash": shift.counted_cash, "difference": shift.difference, "note": shift.close_note}
