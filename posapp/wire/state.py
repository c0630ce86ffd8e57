"""Shop-side sync state: the hub connection, feed cursors, quarantined records, reference data."""
from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .. import clock
from ..database import UTCDateTime, utcnow
from ..extensions import db


class SyncState(db.Model):
    """One row: the enrolment, the clock offset from the hub, the lock lease and the last outcome."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hub_url: Mapped[str] = mapped_column(String(200), default="")
    shop_code: Mapped[str] = mapped_column(String(20), default="")
    key_id: Mapped[str] = mapped_column(String(40), default="")
    secret: Mapped[str] = mapped_column(String(128), default="")
    enrolled_at = mapped_column(UTCDateTime, nullable=True)
    clock_offset: Mapped[float] = mapped_column(Float, default=0.0)  # float ok: hub − shop time in seconds
    nightly_at: Mapped[str] = mapped_column(String(5), default="21:00")
    lock_owner: Mapped[str] = mapped_column(String(40), default="")
    lock_until = mapped_column(UTCDateTime, nullable=True)
    last_attempt_at = mapped_column(UTCDateTime, nullable=True)
    last_success_at = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_retry_at = mapped_column(UTCDateTime, nullable=True)
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=0)
    reconcile_json: Mapped[str] = mapped_column(Text, default="")

    @property
    def enrolled(self) -> bool:
        return bool(self.key_id and self.hub_url)

    @property
    def running(self) -> bool:
        return bool(self.lock_owner) and self.lock_until is not None and self.lock_until > clock.now()


class FeedCursor(db.Model):
    """How far each reference stream has been applied."""

    __tablename__ = "sync_feed_cursor"
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class SyncRejection(db.Model):
    """A record the hub refused, with its reason: "Perlu perhatian" until someone settles it.

    `seq` is None when the hub's answer named no seq and the UUID matched no record of the batch;
    `detail` is the hub's note on what exactly is wrong (which field, which limit).
    """

    __tablename__ = "sync_rejection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int | None] = mapped_column(Integer, index=True, nullable=True)
    uuid: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)


class SyncEvent(db.Model):
    """One line of the sync page's log: a retry within a run and its cause, a failed or finished run."""

    __tablename__ = "sync_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at = mapped_column(UTCDateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # retry | failed | done | skipped
    message: Mapped[str] = mapped_column(Text)


class ReferenceItem(db.Model):
    """The latest value of one reference item from the hub (the hub wins for reference data)."""

    __tablename__ = "sync_reference"
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)
    hub_seq: Mapped[int] = mapped_column(Integer)
    received_at = mapped_column(UTCDateTime, default=utcnow)


def state() -> SyncState:
    """The one state row, created on first use (flush only)."""
    row = db.session.get(SyncState, 1)
    if row is None:
        row = SyncState(id=1)
        db.session.add(row)
        db.session.flush()
    return row


def current() -> SyncState:
    """The state for reading (pages, chip, the Samsat inquiry): never writes, so a reader never waits."""
    return db.session.get(SyncState, 1) or SyncState(id=1, hub_url="", shop_code="", key_id="", secret="",
                                                     nightly_at="21:00", lock_owner="", last_error="",
                                                     progress_done=0, progress_total=0, reconcile_json="",
                                                     clock_offset=0.0)
