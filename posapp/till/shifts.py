"""Shifts: open with the opening cash, close with a count; the X/Z report figures from the drawer parts."""
import json

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from ..ledger.closing import is_locked
from ..money import MoneyError, check_integer, parse_rupiah
from ..refusal import Refusal
from ..wire import outbox
from . import drawer
from .models import Shift
from ..i18n import _

DENOMINATIONS = (100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100)
MAX_CASH = 1_000_000_000  # Rp 1 miliar: no drawer at a koperasi shop holds more


class ShiftRefused(Refusal):
    """A shift act refused (no open shift, already closed, a bad count…)."""


def open_shift_of(user):
    """The user's open shift, or None."""
    return db.session.scalar(db.select(Shift).where(Shift.user_id == user.id, Shift.closed_at.is_(None)))


def require_open_shift(user, message=None) -> Shift:
    shift = open_shift_of(user)
    if shift is None:
        raise ShiftRefused(message or _("Buka shift dulu."), "shift")
    return shift


def open_shifts_of_others(user) -> list:
    """Every open shift but the user's own (a manager closes a cashier's forgotten one)."""
    return db.session.scalars(db.select(Shift).where(Shift.closed_at.is_(None), Shift.user_id != user.id)
                              .order_by(Shift.id)).all()


def open_shifts(day) -> list:
    """Shifts still open that started on or before `day` (the day close refuses while there are any)."""
    return db.session.scalars(db.select(Shift).where(Shift.closed_at.is_(None), Shift.business_date <= day)
                              .order_by(Shift.id)).all()


def day_closed_message(day=None):
    """Why nothing can be sold today, or None: the manager closed the business day (it is locked)."""
    day = day or clock.today()
    if not is_locked(day):
        return None
    return (_('Hari %(day)s sudah ditutup oleh manajer: penjualan dan pembayaran Samsat bisa lagi mulai besok (hari '
              'usaha berikutnya).', day=day.strftime('%d-%m-%Y')))


def open_shift(user, opening_cash) -> Shift:
    closed = day_closed_message()
    if closed:
        raise ShiftRefused(closed, "shift")
    if open_shift_of(user) is not None:
        raise ShiftRefused(_("Shift Anda masih terbuka; tutup dulu sebelum membuka yang baru."), "shift")
    opening_cash = _amount(opening_cash, "opening_cash", _("Kas awal"))
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
            raise ShiftRefused(_("Pecahan uang tidak dikenal."), "denominations")
        if isinstance(pieces, bool) or not isinstance(pieces, int) or not 0 <= pieces <= 100_000:
            raise ShiftRefused(_("Jumlah lembar/keping tidak valid."), "denominations")
        total += int(value) * pieces
    return total


def close_shift(shift: Shift, user, counted, note="", denominations=None) -> Shift:
    """Count the cash; a difference needs a note and is posted to Selisih kas.

    `user` is the shift's own cashier, or a manager closing a shift the cashier forgot (audited as such).
    """
    if not shift.is_open:
        raise ShiftRefused(_("Shift ini sudah ditutup."), "shift")
    if user.id != shift.user_id and not user.has_role("manajer"):
        raise ShiftRefused(_("Hanya kasirnya sendiri atau manajer yang boleh menutup shift ini."), "shift")
    if denominations:
        counted = count_denominations(denominations)
    counted = _amount(counted, "counted_cash", _("Uang dihitung"))
    expected = summary(shift)["cash_expected"]
    note = (note or "").strip()
    if counted != expected and not note:
        raise ShiftRefused(_("Ada selisih kas: tulis catatan penjelasannya."), "note")
    if user.id != shift.user_id:
        note = f"Ditutup manajer {user.full_name}" + (f": {note}" if note else "")
    shift.closed_at, shift.counted_cash, shift.expected_cash = clock.now(), counted, expected
    shift.difference, shift.close_note = counted - expected, note[:1000]
    shift.denominations = json.dumps({str(k): v for k, v in (denominations or {}).items()})
    db.session.flush()
    _post_difference(shift)
    outbox.enqueue("shift_close", shift.uuid, shift.business_date, close_payload(shift))
    by_manager = f" (ditutup manajer untuk {shift.user.username})" if user.id != shift.user_id else ""
    audit.record("shift.close", f"shift {shift.id}: diharapkan {expected}, dihitung {counted}, "
                                f"selisih {shift.difference}{by_manager}", user=user)
    return shift


def _post_difference(shift: Shift) -> None:
    """Cash short/over at the close: Dr/Cr Selisih kas against Kas (ledger.md)."""
    if shift.difference:
        acts.post_cash_difference(uuid=shift.uuid, business_date=shift.business_date, difference=shift.difference,
                                  doc_no=f"SHIFT-{shift.id}", user=shift.user, source="shift_close",
                                  note=shift.close_note[:100])


def _amount(value, field, label) -> int:
    try:
        if isinstance(value, str):
            value = parse_rupiah(value, maximum=MAX_CASH, field=field)
        value = check_integer(value, label)
    except MoneyError as exc:
        raise ShiftRefused(f"{label}: {exc}" if isinstance(value, str) else str(exc), field) from None
    if not 0 <= value <= MAX_CASH:
        raise ShiftRefused(_('%(label)s harus 0 sampai Rp 1.000.000.000.', label=label), field)
    return value


def summary(shift: Shift) -> dict:
    """The X/Z report figures: every drawer part's figures, the opening cash and the cash expected."""
    parts = drawer.parts_of(shift)
    figures = {}
    for part in parts.values():
        figures.update(part.figures)
    cash_expected = shift.opening_cash + sum(part.cash for part in parts.values())
    drawer_rows = [row for part in parts.values() for row in part.rows]
    return {**figures, "drawer_rows": drawer_rows, "opening_cash": shift.opening_cash, "cash_expected": cash_expected}


def close_payload(shift: Shift) -> dict:
    return {"uuid": shift.uuid, "user": shift.user.username, "business_date": shift.business_date.isoformat(),
            "opened_at": shift.opened_at.isoformat(), "closed_at": shift.closed_at.isoformat(),
            "opening_cash": shift.opening_cash, "expected_cash": shift.expected_cash,
            "counted_cash": shift.counted_cash, "difference": shift.difference, "note": shift.close_note}
