"""The day close (manajer): every shift of the day closed first, then the ledger locks the day."""
from ..ledger import closing
from ..ledger.posting import LedgerRefused
from ..till.shifts import open_shifts
from ..i18n import _


def close_day(day, counted, user, note=""):
    """Refuse while a shift of the day is open; else count Kas and lock the day (flush only)."""
    closing.check_day(day)
    shifts = open_shifts(day)
    if shifts:
        names = ", ".join(sorted({getattr(s.user, "username", "?") for s in shifts}))
        raise LedgerRefused(_('Masih ada shift terbuka (%(names)s): tutup semua shift dulu.', names=names), "shift")
    return closing.close_day(day, counted, user, note)
