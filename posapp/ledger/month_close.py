"""The month lock (tutup buku bulanan): after it nothing is posted into the month or before it.

Like the day close it is a fact: who closed, when, and the month's income, expenses and result as they
stood. The check that involves other features (no open shift in the month) is reports.month_close.
"""
from datetime import date, timedelta

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..money import format_rupiah
from ..wire.outbox import enqueue
from .journal import last_day_closed, last_month_closed
from .models import Account, JournalEntry, JournalLine, MonthClose
from . import year_close
from .posting import LedgerRefused
from ..i18n import _

INCOME_TYPES, EXPENSE_TYPES = ("income", "contra"), ("expense",)


def month_of(day: date) -> tuple[date, date]:
    """(first day, last day) of the month `day` is in."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def closes() -> list:
    return db.session.scalars(db.select(MonthClose).order_by(MonthClose.period_start.desc())).all()


def close_of(first: date):
    return db.session.scalar(db.select(MonthClose).where(MonthClose.period_start == first))


def result_of(start: date, end: date) -> tuple[int, int]:
    """(income net of returns, expenses) posted in [start, end]; the year close's entry is not the year's work."""
    rows = db.session.execute(
        db.select(Account.type, db.func.coalesce(db.func.sum(JournalLine.credit - JournalLine.debit), 0))
        .select_from(JournalLine).join(JournalEntry).join(Account, Account.code == JournalLine.account_code)
        .where(JournalEntry.business_date >= start, JournalEntry.business_date <= end,
               JournalEntry.source != year_close.SOURCE).group_by(Account.type))
    net = {kind: int(value) for kind, value in rows}
    return sum(net.get(t, 0) for t in INCOME_TYPES), -sum(net.get(t, 0) for t in EXPENSE_TYPES)


def check_closable(first: date) -> date:
    """The month's last day when the month may be closed now; else LedgerRefused saying why."""
    first, last = month_of(first)
    if last >= clock.today():
        raise LedgerRefused(_('Bulan %(first)s belum berakhir.', first=first.strftime('%m-%Y')), "bulan")
    if close_of(first) is not None:
        raise LedgerRefused(_('Bulan %(first)s sudah ditutup.', first=first.strftime('%m-%Y')), "bulan")
    locked = last_month_closed()
    if locked is not None and last <= locked:
        raise LedgerRefused(_('Bulan %(first)s sudah terkunci oleh tutup buku %(locked)s.',
                              first=first.strftime('%m-%Y'), locked=locked.strftime('%m-%Y')), "bulan")
    last_posting = db.session.scalar(db.select(db.func.max(JournalEntry.business_date))
                                     .where(JournalEntry.business_date >= first, JournalEntry.business_date <= last))
    closed_day = last_day_closed()
    if last_posting is not None and (closed_day is None or closed_day < last_posting):
        raise LedgerRefused(_('Tutup hari %(last_posting)s dulu (hitung kas), baru tutup bulan.',
                              last_posting=last_posting.strftime('%d-%m-%Y')), "bulan")
    return last


def close_month(first: date, user, note="") -> MonthClose:
    """Lock the month `first` is in; flush only (the view commits)."""
    first = month_of(first)[0]
    last = check_closable(first)
    income, expense = result_of(first, last)
    close = MonthClose(uuid=new_uuid(), period_start=first, period_end=last, closed_at=clock.now(),
                       closed_by=getattr(user, "username", str(user or "")), income=income, expense=expense,
                       result=income - expense, note=(note or "").strip()[:1000])
    db.session.add(close)
    db.session.flush()
    enqueue("month_close", close.uuid, last, {
        "uuid": close.uuid, "period_start": first.isoformat(), "period_end": last.isoformat(),
        "closed_at": close.closed_at.isoformat(), "closed_by": close.closed_by, "income": income, "expense": expense,
        "result": close.result, "note": close.note})
    audit.record("ledger.month_close", f"{first:%m-%Y}: pendapatan {format_rupiah(income)}, beban "
                                       f"{format_rupiah(expense)}, SHU {format_rupiah(close.result)}", user=user)
    return close
