"""One sync at a time, across threads and processes (app, CLI, Task Scheduler): a lease in the database."""
import secrets
from datetime import timedelta

from sqlalchemy import or_, update

from .. import clock
from ..extensions import db
from .state import SyncState

LEASE = timedelta(minutes=15)


def state() -> SyncState:
    """The one state row, created on first use."""
    row = db.session.get(SyncState, 1)
    if row is None:
        row = SyncState(id=1)
        db.session.add(row)
        db.session.flush()
    return row


def current() -> SyncState:
    """The state for reading (pages, chip): never writes, so a page never waits on the database lock."""
    return db.session.get(SyncState, 1) or SyncState(id=1, hub_url="", shop_code="", key_id="", secret="",
                                                     nightly_at="21:00", lock_owner="", last_error="",
                                                     progress_done=0, progress_total=0, reconcile_json="",
                                                     clock_offset=0.0)


def acquire() -> str | None:
    """Take the lease (committed at once); None when another sync holds it."""
    state()
    db.session.commit()
    owner, now = secrets.token_hex(8), clock.now()
    taken = db.session.execute(update(SyncState).where(
        SyncState.id == 1, or_(SyncState.lock_until.is_(None), SyncState.lock_until < now, SyncState.lock_owner == ""))
        .values(lock_owner=owner, lock_until=now + LEASE)).rowcount
    db.session.commit()
    return owner if taken == 1 else None


def refresh(owner: str) -> None:
    """Extend the lease while a long upload runs (caller commits with its batch)."""
    db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                       .values(lock_until=clock.now() + LEASE))


def release(owner: str) -> None:
    db.session.rollback()
    db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                       .values(lock_owner="", lock_until=None))
    db.session.commit()
