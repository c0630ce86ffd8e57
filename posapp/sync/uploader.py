"""Upload the outbox from the hub's cursor in signed, gzip'd batches; each ack in one transaction."""
import json

from sqlalchemy import func, update

from .. import clock
from ..extensions import db
from ..wire import effects
from ..shop.service import get_settings
from ..wire.models import Outbox
from ..wire.outbox import prune_acked
from ..wire.state import SyncRejection

# One batch per request: 1,000 records or ~3 MB of payload text (the hub takes up to 1,000 records and 4 MB
# unzipped). Fewer, larger batches spend less on each request's signature, commit and acknowledgement:
# bench/sync.py measured 500 against 1,000 on a busy shop's year.
MAX_RECORDS = 1000
MAX_BYTES = 3 * 1024 * 1024


def start_seq(hub_last_seq: int) -> int:
    """Resume at the hub's cursor, or earlier if an answer was lost (re-sends at most one batch)."""
    first_unacked = db.session.scalar(db.select(func.min(Outbox.seq)).where(Outbox.acked_at.is_(None)))
    return min(first_unacked, hub_last_seq + 1) if first_unacked is not None else hub_last_seq + 1


def next_batch(start: int):
    """Rows from `start` (acked or not: the hub's cursor decides), up to 500 records or ~1 MB."""
    rows = db.session.execute(db.select(Outbox.seq, Outbox.kind, Outbox.uuid, Outbox.business_date,
                                        Outbox.payload, Outbox.sha256)
                              .where(Outbox.seq >= start).order_by(Outbox.seq).limit(MAX_RECORDS)).all()
    batch, size = [], 0
    for row in rows:
        if batch and size + len(row.payload) > MAX_BYTES:
            break
        batch.append(row)
        size += len(row.payload)
    return batch


def batch_body(rows) -> tuple[str, bytes]:
    """The batch JSON, built around each payload's stored canonical text (hashed as stored)."""
    first, last = rows[0].seq, rows[-1].seq
    batch_id = f"s{first}-{last}"
    records = ",".join(
        '{"seq":%d,"kind":%s,"uuid":%s,"business_date":%s,"sha256":%s,"payload":%s}'
        % (r.seq, json.dumps(r.kind), json.dumps(r.uuid), json.dumps(r.business_date.isoformat()),
           json.dumps(r.sha256), r.payload) for r in rows)
    body = '{"batch_id":%s,"from_seq":%d,"to_seq":%d,"records":[%s]}' % (json.dumps(batch_id), first, last, records)
    return batch_id, body.encode("utf-8")


def record_answer(rows, through: int, rejected: list[dict]) -> int:
    """Mark what the hub holds as acked, quarantine what it rejected (with its reason and detail), tell the
    features; the caller commits. `rejected` comes checked from answers.batch (a seq may be None)."""
    by_uuid = {row.uuid: row.seq for row in rows}
    rejected = [{**item, "seq": item["seq"] if item["seq"] is not None else by_uuid.get(item["uuid"])}
                for item in rejected]
    known = set(db.session.execute(db.select(SyncRejection.seq, SyncRejection.uuid, SyncRejection.code)
                                   .where(SyncRejection.seq.between(rows[0].seq, rows[-1].seq)
                                          | SyncRejection.seq.is_(None))).all())
    for item in rejected:
        if (item["seq"], item["uuid"], item["code"]) not in known:  # a re-sent batch quarantines nothing twice
            known.add((item["seq"], item["uuid"], item["code"]))
            db.session.add(SyncRejection(seq=item["seq"], uuid=item["uuid"], code=item["code"],
                                         detail=item["detail"]))
    db.session.execute(update(Outbox).where(Outbox.seq.between(rows[0].seq, min(rows[-1].seq, through)),
                                            Outbox.acked_at.is_(None)).values(acked_at=clock.now()))
    tell_features(rows, through, rejected)
    prune_acked(clock.now(), get_settings().outbox_keep_days)  # an index range on acked_at: cheap when empty
    return through


def tell_features(rows, through, rejected) -> None:
    """Each feature that registered for a record kind hears which of its records the hub holds or refused."""
    table = effects.table()
    refused = {item["seq"]: item["code"] for item in rejected if item["seq"] is not None}
    held = {}
    for row in rows:
        if row.seq > through:
            break
        if row.seq in refused and row.kind in table.rejected:
            table.rejected[row.kind](row.uuid, refused[row.seq])
        elif row.seq not in refused and row.kind in table.acked:
            held.setdefault(row.kind, []).append(row.uuid)
    for kind, uuids in held.items():
        table.acked[kind](uuids)
