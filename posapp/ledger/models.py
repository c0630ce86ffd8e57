"""Accounts, journal entries and lines, the per-day journal counter and day closes.

Posted entries, lines and day closes are facts: an ORM guard (ledger.guards) and database
triggers (ledger.triggers, attached here) refuse UPDATE and DELETE on them.
"""
from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Account(db.Model):
    """One account of the chart; the manager may rename it, never delete it."""

    __tablename__ = "ledger_account"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(12))  # asset, liability, equity, income, contra, expense


class JournalEntry(db.Model):
    __tablename__ = "journal_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    entry_no: Mapped[str] = mapped_column(String(30), unique=True)  # JU-YYYYMMDD-NNNN
    business_date = mapped_column(Date, index=True)
    posted_at = mapped_column(UTCDateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(20), index=True)  # sale, refund, void, samsat, setoran…
    source_ref: Mapped[str] = mapped_column(String(60), default="")  # the document number people see
    source_uuid: Mapped[str] = mapped_column(String(36), default="")  # the act's own UUID
    party: Mapped[str] = mapped_column(String(12), default="")  # "anggota" / "umum" for sales
    description: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(80), default="")
    reverses_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entry.id"), nullable=True,
                                                          unique=True)
    lines = relationship("JournalLine", order_by="JournalLine.id", back_populates="entry")


class JournalLine(db.Model):
    __tablename__ = "journal_line"
    __table_args__ = (
        CheckConstraint("debit >= 0 AND credit >= 0", name="ck_journal_line_not_negative"),
        CheckConstraint("(debit > 0 AND credit = 0) OR (debit = 0 AND credit > 0)", name="ck_journal_line_one_side"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entry.id"), index=True)
    account_code: Mapped[str] = mapped_column(ForeignKey("ledger_account.code"), index=True)
    debit: Mapped[int] = mapped_column(BigInteger, default=0)
    credit: Mapped[int] = mapped_column(BigInteger, default=0)
    memo: Mapped[str] = mapped_column(String(200), default="")
    entry = relationship(JournalEntry, back_populates="lines")
    account = relationship(Account)


class JournalCounter(db.Model):
    """The last journal number used per business day, bumped in the posting's own transaction."""

    __tablename__ = "journal_counter"
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class DayClose(db.Model):
    """A closed business day: every day on or before the newest one is locked."""

    __tablename__ = "day_close"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    business_date = mapped_column(Date, unique=True)
    closed_at = mapped_column(UTCDateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(80))
    cash_expected: Mapped[int] = mapped_column(BigInteger)
    cash_counted: Mapped[int] = mapped_column(BigInteger)
    difference: Mapped[int] = mapped_column(BigInteger)
    unsent_records: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class MonthClose(db.Model):
    """A closed month (tutup buku bulanan): nothing is posted on or before `period_end` any more."""

    __tablename__ = "month_close"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    period_start = mapped_column(Date, unique=True)
    period_end = mapped_column(Date, unique=True)
    closed_at = mapped_column(UTCDateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(80))
    income: Mapped[int] = mapped_column(BigInteger, default=0)    # the month's income (net of returns)
    expense: Mapped[int] = mapped_column(BigInteger, default=0)   # the month's expenses (HPP included)
    result: Mapped[int] = mapped_column(BigInteger, default=0)    # SHU before tax of the month
    note: Mapped[str] = mapped_column(Text, default="")


from . import guards, triggers  # noqa: E402,F401 - the ORM guard and the DDL triggers

triggers.attach_once(db.metadata)
