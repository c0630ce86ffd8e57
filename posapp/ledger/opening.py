"""Saldo awal: the cash (and bank) the shop already held when it started using the app, recorded once.

Without it Kas starts at 0 and the first day close would post the till float and the safe as "kas lebih".
Later corrections are not a second opening balance: they go through the cash difference at day close.
"""
from .. import audit
from ..database import new_uuid
from ..extensions import db
from .accounts import ensure_accounts
from .closing import check_day, is_locked
from .journal import last_closed_date, post_entry
from .models import Account, JournalEntry
from .chart import MODAL
from .posting import LedgerRefused, opening_lines
from ..i18n import _

SOURCE = "opening"


def opening_entry():
    """The opening-balance entry in force (posted and not reversed), or None."""
    reversal = db.aliased(JournalEntry)
    return db.session.scalar(
        db.select(JournalEntry).where(JournalEntry.source == SOURCE, JournalEntry.reverses_entry_id.is_(None),
                                      ~db.exists().where(reversal.reverses_entry_id == JournalEntry.id))
        .order_by(JournalEntry.id).limit(1))


def needs_opening() -> bool:
    """No opening balance yet and no day ever closed: the first close would book the float as a difference."""
    return last_closed_date() is None and opening_entry() is None


def suggested_day(today):
    """While nothing is closed, the first day with a posting (the float was in the till already then)."""
    if last_closed_date() is None:
        first = db.session.scalar(db.select(db.func.min(JournalEntry.business_date)))
        if first is not None and first < today:
            return first
    return today


def _lock_chart_row() -> None:
    """Serialise two managers recording at once (PostgreSQL row lock; SQLite has one writer anyway)."""
    ensure_accounts()
    db.session.execute(db.select(Account.code).where(Account.code == MODAL).with_for_update())


def record_opening(day, cash, bank, user, note="") -> JournalEntry:
    """Dr Kas (and Bank) / Cr Modal / saldo awal on `day`, once; flush only (the view commits)."""
    _lock_chart_row()
    existing = opening_entry()
    if existing is not None:
        raise LedgerRefused(_('Saldo awal sudah dicatat (%(entry_no)s, %(business_date)s) dan hanya boleh sekali. '
                              'Koreksi berikutnya lewat selisih kas saat tutup hari.',
                              entry_no=existing.entry_no, business_date=existing.business_date.strftime('%d-%m-%Y')), "_")
    check_day(day)
    if is_locked(day):
        raise LedgerRefused(_('Hari %(day)s sudah ditutup: pilih tanggal setelah %(last_closed_date)s.',
                              day=day.strftime('%d-%m-%Y'), last_closed_date=last_closed_date().strftime('%d-%m-%Y')), "tanggal")
    lines = opening_lines(cash, bank)
    note = (note or "").strip()[:200]
    entry = post_entry(SOURCE, lines, day, source_ref="SALDO-AWAL", source_uuid=new_uuid(), user=user,
                       description="Saldo awal kas" + (f": {note}" if note else ""))
    audit.record("ledger.opening", f"{day:%d-%m-%Y}: kas {cash}, bank {bank} ({entry.entry_no})", user=user)
    return entry
