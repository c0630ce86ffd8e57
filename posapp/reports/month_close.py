"""The month close (manajer): no shift of the month still open, then the ledger locks the month; and the
year close once December is locked (ledger.year_close)."""
from datetime import timedelta

from ..extensions import db
from ..ledger import month_close, year_close
from ..ledger.models import JournalEntry
from ..ledger.posting import LedgerRefused
from ..till.shifts import open_shifts
from ..i18n import _


def close_month(first, user, note=""):
    """Refuse while a shift opened in the month is open; else lock the month (flush only)."""
    last = month_close.month_of(first)[1]
    shifts = open_shifts(last)
    if shifts:
        names = ", ".join(sorted({getattr(s.user, "username", "?") for s in shifts}))
        raise LedgerRefused(_('Masih ada shift terbuka (%(names)s): tutup semua shift dulu.', names=names), "bulan")
    return month_close.close_month(first, user, note)


def months(today, count=12) -> list[dict]:
    """The last `count` months before this one: closed (and by whom), locked by a later close, or open."""
    locked = month_close.closes()
    newest = locked[0].period_end if locked else None
    out, first = [], month_close.month_of(today)[0]
    for _month in range(count):
        first = month_close.month_of(first - timedelta(days=1))[0]
        close = month_close.close_of(first)
        out.append({"first": first, "last": month_close.month_of(first)[1], "close": close,
                    "locked": close is None and newest is not None and first <= newest})
    return out


def years(today, count=5) -> list[dict]:
    """The last `count` years before this one that have entries: closed (its entry and SHU), closable, or
    why not yet."""
    first = db.session.scalar(db.select(db.func.min(JournalEntry.business_date)))
    out = []
    for year in range(today.year - 1, max(first.year, today.year - count) - 1, -1) if first else ():
        entry = year_close.close_of(year)
        row = {"year": year, "entry": entry, "result": year_close.result_of(entry) if entry else None, "why": ""}
        if entry is None:
            try:
                year_close.check_closable(year)
            except LedgerRefused as refusal:
                row["why"] = str(refusal)
        out.append(row)
    return out
