"""Balances read from the journal: Kas through a day, per-account sums, the trial balance."""
from ..extensions import db
from .models import Account, JournalEntry, JournalLine
from .chart import KAS


def account_balance(code: str, through=None) -> int:
    """Σ debit − Σ credit of one account, over entries up to and including `through`."""
    query = (db.select(db.func.coalesce(db.func.sum(JournalLine.debit - JournalLine.credit), 0))
             .where(JournalLine.account_code == code))
    if through is not None:
        query = query.join(JournalEntry).where(JournalEntry.business_date <= through)
    return int(db.session.scalar(query))


def kas_balance(through=None) -> int:
    return account_balance(KAS, through)


def trial_balance(start=None, end=None) -> list[dict]:
    """Per account: debit and credit moved in [start, end] and the balance at `end` (all sum to zero)."""
    def sums(lower):
        query = (db.select(JournalLine.account_code, db.func.sum(JournalLine.debit), db.func.sum(JournalLine.credit))
                 .join(JournalEntry).group_by(JournalLine.account_code))
        if lower is not None:
            query = query.where(JournalEntry.business_date >= lower)
        if end is not None:
            query = query.where(JournalEntry.business_date <= end)
        return {code: (int(d), int(c)) for code, d, c in db.session.execute(query)}
    moved, total = sums(start), sums(None)
    rows = []
    for account in db.session.scalars(db.select(Account).order_by(Account.code)):
        debit, credit = moved.get(account.code, (0, 0))
        all_debit, all_credit = total.get(account.code, (0, 0))
        rows.append({"code": account.code, "name": account.name, "type": account.type, "debit": debit,
                     "credit": credit, "balance": all_debit - all_credit})
    return rows
