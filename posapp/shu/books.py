"""The year's result from the journal, and whether the year's books are final (the year closed into SHU)."""
from datetime import date

from ..extensions import db
from ..ledger.chart import SHU
from ..ledger import year_close
from ..ledger.models import Account, JournalEntry, JournalLine


def year_result(year: int) -> int:
    """Income − expense of the year (income, contra and expense accounts), as laba rugi shows it.

    Entries that touch SHU (3401) are left out: a year-close entry moves the result into 3401 and would
    cancel it, an SHU payout is not part of the year's result.
    """
    closing = db.select(JournalLine.entry_id).where(JournalLine.account_code == SHU)
    rows = db.session.execute(
        db.select(Account.type, db.func.sum(JournalLine.credit - JournalLine.debit))
        .join(JournalLine, JournalLine.account_code == Account.code).join(JournalEntry)
        .where(JournalEntry.business_date >= date(year, 1, 1), JournalEntry.business_date <= date(year, 12, 31),
               Account.type.in_(("income", "contra", "expense")), JournalEntry.id.not_in(closing))
        .group_by(Account.type)).all()
    return sum(int(amount) for _, amount in rows)


def is_final(year: int) -> bool:
    """The year's books are closed (tutup buku tahunan): its result is in SHU and can no longer change."""
    return year_close.close_of(year) is not None
