"""The transactional outbox: `enqueue` adds a record in the caller's transaction (flush, no commit)."""
import hashlib
import json

from ..database import bump_counter
from ..extensions import db
from .models import Outbox, OutboxCounter


def canonical_json(payload) -> str:
    """Sorted keys, no spaces, UTF-8 text: the form that is hashed and sent."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_sha256(payload) -> str:
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _next_seq() -> int:
    return bump_counter(OutboxCounter, {"name": "outbox"}, "last_seq")


def enqueue(kind: str, uuid: str, business_date, payload: dict) -> Outbox:
    """Queue one fact for upload, in the same transaction as the fact."""
    text = canonical_json(payload)
    row = Outbox(seq=_next_seq(), kind=kind, uuid=uuid, business_date=business_date, payload=text,
                 sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    db.session.add(row)
    db.session.flush()
    return row


def pending(limit=500):
    """Unacknowledged records in seq order (for the uploader)."""
    return db.session.scalars(db.select(Outbox).where(Outbox.acked_at.is_(None))
                              .order_by(Outbox.seq).limit(limit)).all()
