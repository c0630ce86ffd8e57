"""The day lock: cash counted against Kas, the difference posted, the day closed for good.

The day-close act that checks the other features first (open shifts) is posapp.reports.day_close.
"""
from datetime import timedelta

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..wire.outbox import enqueue, unsent_counts
from . import acts
from .balances import kas_balance
from .journal import last_closed_date
from .models import DayClose
from .posting import LedgerRefused, amount
from ..i18n import _

MAX_RANGE_DAYS = 366


def parse_day(text, default=None):
    """A date typed as dd-mm-yyyy or yyyy-mm-dd; `default` when empty, None when unreadable (check_day refuses it)."""
    if not text:
        return default
    return clock.parse_date(text)


def check_day(day, field="tanggal") -> None:
    if day is None:
        raise LedgerRefused(_("Tanggal tidak valid: pakai format HH-BB-TTTT, mis. 24-11-2026."), field)
    if day > clock.today():
        raise LedgerRefused(_('Tanggal %(day)s belum terjadi.', day=day.strftime('%d-%m-%Y')), field)


def check_range(start, end) -> None:
    check_day(start, "dari")
    check_day(end, "sampai")
    if start > end:
        raise LedgerRefused(_("Tanggal awal harus sebelum tanggal akhir."), "dari")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise LedgerRefused(_("Rentang laporan paling lama satu tahun (366 hari)."), "dari")


def day_close_of(day):
    return db.session.scalar(db.select(DayClose).where(DayClose.business_date == day))


def is_locked(day) -> bool:
    closed = last_closed_date()
    return closed is not None and day <= closed


def close_day(day, counted, user, note="") -> DayClose:
    """Lock `day` after posting counted − Kas balance; flush only (the view commits and backs up)."""
    check_day(day)
    if day_close_of(day) is not None:
        raise LedgerRefused(_('Hari %(day)s sudah ditutup.', day=day.strftime('%d-%m-%Y')), "tanggal")
    if is_locked(day):
        raise LedgerRefused(_('Hari %(day)s sudah terkunci: buku sudah ditutup sampai %(last_closed_date)s.',
                              day=day.strftime('%d-%m-%Y'), last_closed_date=last_closed_date().strftime('%d-%m-%Y')), "tanggal")
    counted = amount(counted, "uang_dihitung")
    expected = kas_balance(day)
    unsent = sum(unsent_counts().values())
    close = DayClose(uuid=new_uuid(), business_date=day, closed_at=clock.now(),
                     closed_by=getattr(user, "username", str(user or "")), cash_expected=expected,
                     cash_counted=counted, difference=counted - expected, unsent_records=unsent,
                     note=(note or "").strip()[:1000])
    acts.post_cash_difference(uuid=close.uuid, business_date=day, difference=close.difference,
                              doc_no=f"TUTUP-{day:%Y%m%d}", user=user, source="day_close", note=close.note[:100])
    db.session.add(close)
    db.session.flush()
    enqueue("day_close", close.uuid, day, close_payload(close))
    audit.record("ledger.day_close", f"{day:%d-%m-%Y}: kas {expected}, dihitung {counted}, "
                                     f"selisih {close.difference}, belum terkirim {unsent}", user=user)
    return close


def close_payload(close: DayClose) -> dict:
    return {"uuid": close.uuid, "business_date": close.business_date.isoformat(),
            "closed_at": close.closed_at.isoformat(), "closed_by": close.closed_by,
            "cash_expected": close.cash_expected, "cash_counted": close.cash_counted,
            "difference": close.difference, "note": close.note}


def previous_day(day):
    return day - timedelta(days=1)
