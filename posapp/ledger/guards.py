"""ORM guard: a flush that changes or deletes a posted ledger fact is refused before SQL runs.

The database triggers (ledger.triggers) refuse the same for raw SQL; this gives the clear message.
"""
from sqlalchemy import event
from sqlalchemy.orm import Session

from .posting import LedgerRefused
from ..i18n import _

_FACTS = ("JournalEntry", "JournalLine", "DayClose", "MonthClose")


@event.listens_for(Session, "before_flush")
def _refuse_changes(session, flush_context, instances):
    for obj in session.deleted:
        name = type(obj).__name__
        if name in _FACTS or name == "Account":
            raise LedgerRefused(_("Data buku besar tidak boleh dihapus; buat jurnal pembalik."))
    for obj in session.dirty:
        if type(obj).__name__ in _FACTS and session.is_modified(obj, include_collections=False):
            raise LedgerRefused(_("Jurnal yang sudah diposting tidak boleh diubah; buat jurnal pembalik."))
