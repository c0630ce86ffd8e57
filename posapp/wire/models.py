from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Outbox(db.Model):
    """A fact waiting for the hub, written in the same transaction as the fact itself.

    `seq` increases by one per record in this shop; rows are never deleted before the hub
    acknowledged them (`acked_at`).
    """

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    uuid: Mapped[str] = mapped_column(String(36))
    business_date = mapped_column(Date)
    payload: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    acked_at = mapped_column(UTCDateTime, nullable=True, index=True)


class OutboxCounter(db.Model):
    """The last seq handed out (one row); bumped atomically so seq has no gaps or duplicates."""

    __tablename__ = "outbox_counter"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
