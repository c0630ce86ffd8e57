"""The chart of accounts: seeded idempotently, renamed by the manager, never deleted."""
import weakref

from sqlalchemy import event
from sqlalchemy.orm import Session

from .. import audit
from ..database import upsert_insert
from ..extensions import db
from .models import Account
from .chart import CHART
from .posting import LedgerRefused
from ..i18n import _


# Engines whose committed chart is complete. Accounts are never deleted, so every posting (every
# sale) can skip the check once a transaction that saw or seeded the full chart has committed.
_SEEDED = weakref.WeakSet()


def ensure_accounts() -> None:
    """Insert the default accounts that are missing (names already changed are kept)."""
    engine = db.session.get_bind()
    if engine in _SEEDED:
        return
    db.session.info["ledger_chart_ok"] = engine  # remembered only if this transaction commits
    have = set(db.session.scalars(db.select(Account.code)))
    missing = [dict(code=c, name=n, type=t) for c, n, t in CHART if c not in have]
    if not missing:
        return
    db.session.execute(upsert_insert(Account).values(missing).on_conflict_do_nothing(index_elements=["code"]))
    db.session.flush()


@event.listens_for(Session, "after_commit")
def _remember_seeded(session):
    engine = session.info.pop("ledger_chart_ok", None)
    if engine is not None:
        _SEEDED.add(engine)


@event.listens_for(Session, "after_soft_rollback")
def _forget_seeded(session, previous_transaction):
    session.info.pop("ledger_chart_ok", None)


def all_accounts():
    ensure_accounts()
    return db.session.scalars(db.select(Account).order_by(Account.code)).all()


def rename_account(code: str, name: str, user=None) -> Account:
    account = db.session.get(Account, code)
    if account is None:
        raise LedgerRefused(_("Akun tidak ditemukan."), "code")
    name = (name or "").strip()
    if not 3 <= len(name) <= 120:
        raise LedgerRefused(_("Nama akun 3 sampai 120 huruf."), f"name_{code}")
    if name != account.name:
        audit.record("ledger.account_rename", f"{code}: {account.name} → {name}", user=user)
        account.name = name
        db.session.flush()
    return account
