"""One sync at a time, across threads and processes (app, CLI, Task Scheduler): a lease in the database."""
import secrets
from datetime import timedelta

from sqlalchemy import or_, update

from .. import clock
from ..edge import transaction
from ..extensions import db
from ..wire.state import SyncState, state

LEASE = timedelta(minutes=15)


def acquire() -> str | None:
    """Take the lease (committed at once); None when another sync holds it."""
    with transaction():
        state()
    owner, now = secrets.token_hex(8), clock.now()
    with transaction():
        taken = db.session.execute(update(SyncState).where(
            SyncState.id == 1,
            or_(SyncState.lock_until.is_(None), SyncState.lock_until < now, SyncState.lock_owner == ""))
            .values(lock_owner=owner, lock_until=now + LEASE)).rowcount
    return owner if taken == 1 else None


def refresh(owner: str) -> None:
    """Extend the lease while a long upload runs (the caller commits with its batch)."""
    db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                       .values(lock_until=clock.now() + LEASE))


def release(owner: str) -> None:
    db.session.rollback()
    with transaction():
        db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                           .values(lock_owner="", lock_until=None))
