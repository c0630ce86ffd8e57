"""One sync at a time, across threads and processes (app, CLI, Task Scheduler): a lease in the database.

The lease is short (SYNC_LEASE_SECONDS, a minute) and a heartbeat thread renews it every quarter of
that while the run lives. A run that dies with its process (kill -9, a power cut, Task Scheduler
ending it) stops renewing, so the next sync takes over within a minute instead of waiting out a long
lease. A run whose lease was taken over anyway (its process was frozen past the lease) sees `lost`
and stops between two steps, so two syncs never go on side by side.
"""
import logging
import secrets
import threading
from contextlib import contextmanager
from datetime import timedelta

from flask import current_app
from sqlalchemy import or_, update

from .. import clock
from ..edge import transaction
from ..extensions import db
from ..wire.state import SyncState, state

LEASE_SECONDS = 60
log = logging.getLogger(__name__)


def lease() -> timedelta:
    return timedelta(seconds=current_app.config.get("SYNC_LEASE_SECONDS", LEASE_SECONDS))


def acquire() -> str | None:
    """Take the lease (committed at once); None when another live sync holds it."""
    with transaction():
        state()
    owner, now = secrets.token_hex(8), clock.now()
    with transaction():
        taken = db.session.execute(update(SyncState).where(
            SyncState.id == 1,
            or_(SyncState.lock_until.is_(None), SyncState.lock_until < now, SyncState.lock_owner == ""))
            .values(lock_owner=owner, lock_until=now + lease())).rowcount
    return owner if taken == 1 else None


def refresh(owner: str) -> bool:
    """Extend the lease (the caller commits); False when another sync has taken it over."""
    return db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                              .values(lock_until=clock.now() + lease())).rowcount == 1


def release(owner: str) -> None:
    db.session.rollback()
    with transaction():
        db.session.execute(update(SyncState).where(SyncState.id == 1, SyncState.lock_owner == owner)
                           .values(lock_owner="", lock_until=None))


class Heartbeat:
    """Renews `owner`'s lease every quarter lease in a thread of its own (its own session and commit)."""

    def __init__(self, app, owner: str):
        self.app, self.owner, self.lost = app, owner, False
        self.every = app.config.get("SYNC_LEASE_SECONDS", LEASE_SECONDS) / 4
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="sync-lease", daemon=True)

    def _beat(self):
        while not self.stopped.wait(self.every):
            with self.app.app_context():
                try:
                    with transaction():
                        self.lost = not refresh(self.owner)
                except Exception:  # a busy database now and then: the next beat tries again
                    log.warning("sync lease not renewed this time", exc_info=True)
                finally:
                    db.session.remove()
            if self.lost:
                return


@contextmanager
def held(owner: str):
    """Keep the lease alive while the block runs; yields the Heartbeat (check `.lost` between steps)."""
    beat = Heartbeat(current_app._get_current_object(), owner)
    beat.thread.start()
    try:
        yield beat
    finally:
        beat.stopped.set()
        beat.thread.join(timeout=30)
