"""The transactional outbox: `enqueue` adds a record in the caller's transaction (flush, no commit);
`prune_acked` forgets rows the hub acknowledged long ago (the facts themselves stay in their tables)."""
import hashlib
import json
from datetime import timedelta

from .. import limits
from ..database import attach, bump_counter, utcnow
from ..extensions import db
from ..refusal import Refusal
from .models import Outbox, OutboxCounter
from ..i18n import _

_INSERT = Outbox.__table__.insert().returning(Outbox.__table__.c.id)


def canonical_json(payload) -> str:
    """Sorted keys, no spaces, UTF-8 text: the form that is hashed and sent."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_sha256(payload) -> str:
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


class OutboxRefused(Refusal):
    """A fact the hub could never store (a NUL, an integer past bigint…): refused with the act, never queued."""


def check_sendable(business_date, payload) -> str:
    """The hub's own limits (posapp.limits), checked before a fact is written: never a poison record.
    Returns the payload's canonical text."""
    found = limits.problem(payload)
    text = canonical_json(payload) if found is None else ""
    if found is None and len(text.encode("utf-8")) > limits.MAX_RECORD_BYTES:
        found = _('data lebih dari %(value)s KB', value=limits.MAX_RECORD_BYTES // 1024)
    if found is None and not limits.FIRST_DAY <= business_date <= limits.LAST_DAY:
        found = _('tanggal usaha %(business_date)s di luar 2000–2099 (periksa jam komputer)',
                  business_date=business_date.strftime('%d-%m-%Y'))
    if found:
        raise OutboxRefused(_('Data tidak bisa dicatat dan dikirim ke server provinsi: %(found)s.', found=found))
    return text


def _next_seq() -> int:
    return bump_counter(OutboxCounter, {"name": "outbox"}, "last_seq")


def enqueue(kind: str, uuid: str, business_date, payload: dict) -> Outbox:
    """Queue one fact for upload, in the same transaction as the fact (refused if the hub could not take it)."""
    text = check_sendable(business_date, payload)
    db.session.flush()  # pending facts first, as before (a no-op when clean); errors surface here, not at commit
    values = dict(seq=_next_seq(), kind=kind, uuid=uuid, business_date=business_date, payload=text,
                  sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), created_at=utcnow(), acked_at=None)
    # a Core INSERT, then the object attached as persistent: no unit-of-work flush on every sale
    row_id = db.session.connection().execute(_INSERT, values).scalar_one()
    return attach(Outbox(id=row_id, **values))


def pending(limit=500):
    """Unacknowledged records in seq order (for the uploader)."""
    return db.session.scalars(db.select(Outbox).where(Outbox.acked_at.is_(None))
                              .order_by(Outbox.seq).limit(limit)).all()


def pending_count() -> int:
    """Records not yet on the hub (the chip and the day-close warning use it)."""
    return db.session.scalar(db.select(db.func.count()).select_from(Outbox).where(Outbox.acked_at.is_(None)))


def unsent_counts() -> dict:
    """{kind: count} of outbox rows the hub has not acknowledged yet."""
    rows = db.session.execute(db.select(Outbox.kind, db.func.count()).where(Outbox.acked_at.is_(None))
                              .group_by(Outbox.kind).order_by(Outbox.kind))
    return {kind: count for kind, count in rows}


def prune_acked(now, keep_days: int) -> int:
    """Delete outbox rows the hub acknowledged more than `keep_days` ago; returns how many (caller commits).

    Half of a busy shop's database is outbox text that has done its job. Rows not yet acknowledged are never
    touched, and the hub keeps its own copy; the seq counter lives in outbox_counter, so seqs never repeat.
    A row the hub refused stays: "Perlu perhatian" shows what it was, and the hub holds no copy of it.
    """
    from .state import SyncRejection
    if keep_days is None or keep_days < 1:
        return 0
    refused = db.select(SyncRejection.seq).where(SyncRejection.seq.is_not(None))
    result = db.session.execute(db.delete(Outbox).where(Outbox.acked_at.is_not(None),
                                                        Outbox.acked_at < now - timedelta(days=keep_days),
                                                        Outbox.seq.not_in(refused)))
    return result.rowcount or 0
