"""The raw journal, one row per journal line, for auditors and accountants (streamed, any range)."""
from .. import clock
from ..extensions import db
from .models import Account, JournalEntry, JournalLine

HEADER = ["entry_no", "business_date", "account_code", "account_name", "debit", "credit", "source", "description",
          "source_ref", "memo", "entry_uuid", "posted_at_wib", "created_by", "reverses_entry_no"]


def journal_lines(start, end):
    """Rows in HEADER's order for entries posted on [start, end], in journal order."""
    reversed_entry = db.aliased(JournalEntry)
    query = (db.select(JournalEntry.entry_no, JournalEntry.business_date, JournalLine.account_code, Account.name,
                       JournalLine.debit, JournalLine.credit, JournalEntry.source, JournalEntry.description,
                       JournalEntry.source_ref, JournalLine.memo, JournalEntry.uuid, JournalEntry.posted_at,
                       JournalEntry.created_by, reversed_entry.entry_no)
             .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
             .join(Account, Account.code == JournalLine.account_code)
             .outerjoin(reversed_entry, reversed_entry.id == JournalEntry.reverses_entry_id)
             .where(JournalEntry.business_date >= start, JournalEntry.business_date <= end)
             .order_by(JournalEntry.business_date, JournalEntry.id, JournalLine.id)
             .execution_options(yield_per=2000))
    for row in db.session.execute(query):
        *head, posted_at, created_by, reverses = row
        yield [*head, clock.to_wib(posted_at).replace(tzinfo=None, microsecond=0), created_by, reverses or ""]
