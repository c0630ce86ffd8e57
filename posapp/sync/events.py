"""The sync page's log: each retry inside a run with its cause, each failed or finished run (own commits)."""
import logging

from .. import clock
from ..edge import transaction
from ..extensions import db
from ..wire.state import SyncEvent

KEEP = 300  # lines kept; older ones are pruned as new ones arrive
log = logging.getLogger("posapp.sync")


def record(kind: str, message: str) -> None:
    """Write one line now (its own transaction: a retry is on the page while the run goes on)."""
    log.info("sync %s: %s", kind, message)
    with transaction():
        event = SyncEvent(at=clock.now(), kind=kind, message=message[:2000])
        db.session.add(event)
        db.session.flush()
        if event.id % 50 == 0:
            db.session.execute(db.delete(SyncEvent).where(SyncEvent.id <= event.id - KEEP))


def recent(limit: int = 30):
    return db.session.scalars(db.select(SyncEvent).order_by(SyncEvent.id.desc()).limit(limit)).all()
