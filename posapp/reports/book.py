"""The buku kas harian of one day, as plain data shared by the page and the three exports."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from .. import clock
from ..auth.models import User
from ..extensions import db
from ..i18n import N_
from ..shop.service import get_settings
from ..ledger.balances import kas_balance
from ..ledger.closing import day_close_of, is_locked
from ..ledger.models import JournalEntry, JournalLine
from ..ledger.chart import JASA_SAMSAT, KAS, PENJUALAN, RETUR
from ..ledger.daybook import summarize
from ..ledger.posting import running

UNIT = N_("Toko & Loket Samsat")
SHOP, COUNTER = N_("Toko"), N_("Loket Samsat")
SOURCES = {"samsat": COUNTER, "setoran": COUNTER}  # else the shop


@dataclass(frozen=True)
class Movement:
    time: datetime        # WIB
    entry_no: str
    doc_no: str
    description: str
    unit: str
    cash_in: int
    cash_out: int


def _movements(day) -> list[Movement]:
    rows = db.session.execute(
        db.select(JournalEntry.posted_at, JournalEntry.entry_no, JournalEntry.source_ref, JournalEntry.description,
                  JournalEntry.source, db.func.sum(JournalLine.debit), db.func.sum(JournalLine.credit))
        .join(JournalLine).where(JournalEntry.business_date == day, JournalLine.account_code == KAS)
        .group_by(JournalEntry.id).order_by(JournalEntry.posted_at, JournalEntry.id))
    return [Movement(clock.to_wib(at).replace(tzinfo=None), no, ref, text, SOURCES.get(source, SHOP),
                     int(debit), int(credit)) for at, no, ref, text, source, debit, credit in rows]


def _summary(day) -> dict:
    """Every Kas movement of the day by category (ledger.daybook), and the figures beside the cash."""
    rows = db.session.execute(
        db.select(JournalEntry.source, JournalLine.account_code, db.func.sum(JournalLine.debit),
                  db.func.sum(JournalLine.credit)).join(JournalLine)
        .where(JournalEntry.business_date == day).group_by(JournalEntry.source, JournalLine.account_code))
    return summarize((s, a, int(d), int(c)) for s, a, d, c in rows)


def _members(day) -> dict:
    """Net sales (Penjualan − Retur) split anggota / umum."""
    rows = db.session.execute(
        db.select(JournalEntry.party, db.func.sum(JournalLine.credit - JournalLine.debit)).join(JournalLine)
        .where(JournalEntry.business_date == day, JournalLine.account_code.in_((PENJUALAN, RETUR)))
        .group_by(JournalEntry.party))
    out = {"anggota": 0, "umum": 0}
    for party, net in rows:
        out["anggota" if party == "anggota" else "umum"] += int(net)
    return out


def _cashiers(day) -> list[str]:
    return list(db.session.scalars(
        db.select(JournalEntry.created_by).distinct().where(
            JournalEntry.business_date == day, JournalEntry.source.in_(("sale", "refund", "void", "samsat")),
            JournalEntry.created_by != "").order_by(JournalEntry.created_by)))


def full_names(usernames) -> list[str]:
    """People as the signature lines name them: full names (a username no longer known stays as it is)."""
    known = dict(db.session.execute(db.select(User.username, User.full_name)
                                    .where(User.username.in_(list(usernames)))).all()) if usernames else {}
    return [known.get(name, name) for name in usernames]


def daily_book(day) -> dict:
    """Header, opening balance, movements with running balance, totals, summaries, cash count."""
    opening = kas_balance(day - timedelta(days=1))
    rows = running(opening, _movements(day))
    cash_in, cash_out = sum(m.cash_in for m, _ in rows), sum(m.cash_out for m, _ in rows)
    close = day_close_of(day)
    settings = get_settings()
    return {"shop_name": settings.shop_name, "shop_address": settings.shop_address, "unit": UNIT, "day": day,
            "final": is_locked(day), "closed_by": full_names([close.closed_by])[0] if close else "", "close": close,
            "opening": opening, "rows": rows, "cash_in": cash_in, "cash_out": cash_out,
            "closing": opening + cash_in - cash_out, "summary": _summary(day), "members": _members(day),
            "cashiers": full_names(_cashiers(day)), "printed_at": clock.now_wib().replace(tzinfo=None),
            "samsat_fee_account": JASA_SAMSAT}


def status_label(book) -> str:
    return "FINAL" if book["final"] else "SEMENTARA (hari belum ditutup)"
