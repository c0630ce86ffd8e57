"""The year close (tutup buku tahunan): the year's income and expense accounts closed into SHU (3401).

One journal entry dated 31 December zeroes every income, contra and expense account the year moved and puts
the year's result in 3401, where the SHU payout takes it from (ledger.md, invariant 7). It is the only entry
allowed on a locked day: December must be closed first, so the year's figures can no longer change, and
the database triggers let this source alone through. The entry is the fact; a second close of the same
year collides on its UUID.
"""
from datetime import date

from .. import audit
from ..extensions import db
from ..money import format_rupiah
from .chart import SHU
from .journal import last_month_closed, post_entry
from .models import Account, JournalEntry, JournalLine
from .posting import LedgerRefused, signed
from ..i18n import _

SOURCE = "year_close"
RESULT_TYPES = ("income", "contra", "expense")


def year_end(year: int) -> date:
    return date(year, 12, 31)


def close_of(year: int):
    """The year's closing entry, or None while the year is open."""
    return db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == SOURCE,
                                                           JournalEntry.business_date == year_end(year)))


def moved(start: date, end: date) -> dict:
    """{account: Σ debit − credit} of the income, contra and expense accounts over [start, end], closes included."""
    rows = db.session.execute(
        db.select(JournalLine.account_code, db.func.sum(JournalLine.debit - JournalLine.credit))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .join(Account, Account.code == JournalLine.account_code)
        .where(JournalEntry.business_date >= start, JournalEntry.business_date <= end,
               Account.type.in_(RESULT_TYPES))
        .group_by(JournalLine.account_code).order_by(JournalLine.account_code))
    return {code: int(net) for code, net in rows if net}


def check_closable(year: int) -> dict:
    """The year's balances to close; else LedgerRefused saying why (December open, closed already, a year
    before still open, nothing to close)."""
    if close_of(year) is not None:
        raise LedgerRefused(_('Buku tahun %(year)s sudah ditutup.', year=year), "tahun")
    locked = last_month_closed()
    if locked is None or locked < year_end(year):
        raise LedgerRefused(_('Tutup dulu bulan Desember %(year)s (tutup buku bulanan), baru tutup buku tahunan.',
                              year=year), "tahun")
    if moved(date(1900, 1, 1), date(year - 1, 12, 31)):
        raise LedgerRefused(_('Tutup dulu buku tahun %(year)s.', year=year - 1), "tahun")
    balances = moved(date(year, 1, 1), year_end(year))
    if not balances:
        raise LedgerRefused(_('Tidak ada pendapatan atau beban pada tahun %(year)s.', year=year), "tahun")
    return balances


def close_year(year: int, user, note="") -> JournalEntry:
    """Close the year's result into SHU; flush only (the view commits)."""
    balances = check_closable(year)
    result = -sum(balances.values())  # income is on the credit side
    # stored words stay Indonesian whatever the screen's language, like every other entry's
    lines = [signed(code, -net, "tutup buku") for code, net in balances.items()]
    lines.append(signed(SHU, -result, f"SHU tahun {year}"))
    description = f"Tutup buku tahun {year}: SHU ke 3401"
    if note.strip():
        description += f" — {note.strip()[:300]}"
    entry = post_entry(SOURCE, lines, year_end(year), source_ref=f"TB-{year}", source_uuid=f"tahun-{year}",
                       description=description, user=user, year_end=True)
    audit.record("ledger.year_close", f"{year}: SHU {format_rupiah(result)} ke 3401 ({entry.entry_no})", user=user)
    return entry


def result_of(entry: JournalEntry) -> int:
    """The SHU a closing entry put into 3401 (a loss is negative)."""
    return sum(line.credit - line.debit for line in entry.lines if line.account_code == SHU)
