"""Posting one journal entry: checks, the gap-free number, the lines and the outbox row (flush only)."""
import uuid as uuidlib

from .. import clock
from ..database import attach, bump_counter, new_uuid, time_of_uuid7, uuid7
from ..numbering import day_serial
from ..extensions import db
from ..wire.outbox import enqueue
from . import posting
from .accounts import ensure_accounts
from .models import DayClose, JournalCounter, JournalEntry, JournalLine, MonthClose
from .posting import LedgerRefused
from ..i18n import _

_INSERT_ENTRY = JournalEntry.__table__.insert().returning(JournalEntry.__table__.c.id)
_INSERT_LINES = JournalLine.__table__.insert()
_NAMESPACE = uuidlib.UUID("6f1d6c1e-3c55-4a5e-9a53-4c6b1a0e0b11")


def entry_uuid_for(source: str, source_uuid: str) -> str:
    """The same act always gets the same entry UUID: a double posting fails on the unique key.

    When the act's UUID is a v7 (time-ordered) one, so is the entry's: the act's 48 bits of milliseconds,
    then 74 bits of the name-based hash, so the hub's indexes grow at one end for entries too. An older act
    (a v4 UUID) keeps the plain name-based UUID it always had.
    """
    if not source_uuid:
        return new_uuid()
    hashed = uuidlib.uuid5(_NAMESPACE, f"{source}:{source_uuid}")
    millis = time_of_uuid7(source_uuid)
    return str(hashed) if millis is None else uuid7(millis, entropy=hashed.int)


def last_day_closed():
    return db.session.scalar(db.select(db.func.max(DayClose.business_date)))


def last_month_closed():
    """The last day of the newest closed month, or None."""
    return db.session.scalar(db.select(db.func.max(MonthClose.period_end)))


def last_closed_date():
    """The newest locked day: by a day close or by a month close, whichever is later."""
    dates = [d for d in (last_day_closed(), last_month_closed()) if d is not None]
    return max(dates) if dates else None


def check_open(business_date) -> None:
    month = last_month_closed()
    if month is not None and business_date <= month:
        raise LedgerRefused(_('Bulan %(month)s sudah ditutup (tutup buku): tidak ada transaksi baru pada atau sebelum '
                              '%(last_day)s.',
                              month=month.strftime('%m-%Y'), last_day=month.strftime('%d-%m-%Y')), "business_date")
    closed = last_day_closed()
    if closed is not None and business_date <= closed:
        raise LedgerRefused(_('Hari %(closed)s sudah ditutup: tidak ada transaksi baru pada atau sebelum tanggal itu.',
                              closed=closed.strftime('%d-%m-%Y')), "business_date")


def next_entry_no(business_date) -> str:
    """JU-YYYYMMDD-NNNN, gap-free per day; past 9,999 still in order as text (posapp/numbering.py)."""
    number = bump_counter(JournalCounter, {"business_date": business_date})
    return f"JU-{business_date:%Y%m%d}-{day_serial(number)}"


def post_entry(source, lines, business_date, *, source_ref="", source_uuid="", party="", description="",
               user="", entry_uuid=None, reverses=None, year_end=False) -> JournalEntry:
    """Add a balanced entry with its lines and its outbox row to the caller's transaction.

    `year_end`: the year close's entry, dated on 31 December of a year already locked (year_close checks it).
    """
    lines = posting.balanced(lines)
    if not year_end:
        check_open(business_date)
    ensure_accounts()
    values = dict(uuid=entry_uuid or entry_uuid_for(source, source_uuid), business_date=business_date,
                  entry_no=next_entry_no(business_date), posted_at=clock.now(), source=source,
                  source_ref=(source_ref or "")[:60], source_uuid=source_uuid or "", party=party,
                  description=(description or "")[:500], created_by=_username(user),
                  reverses_entry_id=getattr(reverses, "id", None))
    # Core INSERTs and an attached object: every sale posts an entry, and a unit-of-work flush costs
    # more than the INSERT itself. Pending objects are flushed first, as before (a no-op when clean).
    db.session.flush()
    connection = db.session.connection()
    entry = attach(JournalEntry(id=connection.execute(_INSERT_ENTRY, values).scalar_one(), **values))
    rows = [{"entry_id": entry.id, "account_code": x.account, "debit": x.debit, "credit": x.credit,
             "memo": x.memo[:200]} for x in lines]
    connection.execute(_INSERT_LINES, rows)  # one executemany for all lines; they are read back lazily
    enqueue("journal_entry", entry.uuid, business_date, entry_payload(entry, reverses, rows))
    return entry


def _username(user) -> str:
    return (user if isinstance(user, str) else getattr(user, "username", "") or "")[:80]


def entry_payload(entry, reverses=None, rows=None) -> dict:
    """What the hub stores of a journal entry (integer rupiah, ISO dates); `rows` saves reloading the lines."""
    if rows is None:
        rows = [{"account_code": x.account_code, "debit": x.debit, "credit": x.credit, "memo": x.memo}
                for x in entry.lines]
    return {"uuid": entry.uuid, "entry_no": entry.entry_no, "business_date": entry.business_date.isoformat(),
            "posted_at": entry.posted_at.isoformat(), "source": entry.source, "source_ref": entry.source_ref,
            "source_uuid": entry.source_uuid, "party": entry.party, "description": entry.description,
            "created_by": entry.created_by, "reverses_uuid": getattr(reverses, "uuid", None),
            "lines": [{"account": x["account_code"], "debit": x["debit"], "credit": x["credit"], "memo": x["memo"]}
                      for x in rows]}


def reverse_entry(entry: JournalEntry, user, reason: str, business_date=None) -> JournalEntry:
    """The correction of a posted entry: the same lines with debit and credit swapped."""
    if db.session.scalar(db.select(JournalEntry.id).where(JournalEntry.reverses_entry_id == entry.id)):
        raise LedgerRefused(_('Jurnal %(entry_no)s sudah pernah dibalik.', entry_no=entry.entry_no), "entry")
    lines = posting.reversal_lines([posting.Line(x.account_code, x.debit, x.credit, x.memo) for x in entry.lines])
    return post_entry(entry.source, lines, business_date or clock.today(), source_ref=entry.entry_no,
                      source_uuid=entry.uuid, party=entry.party, description=f"Pembalik {entry.entry_no}: {reason}",
                      user=user, entry_uuid=entry_uuid_for("reversal", entry.uuid), reverses=entry)
