"""Upload the outbox from the hub's cursor in signed, gzip'd batches; each ack in one transaction."""
import json

from sqlalchemy import func, update

from .. import clock
from ..extensions import db
from .models import Outbox
from .state import SyncRejection

MAX_RECORDS = 500
MAX_BYTES = 1024 * 1024


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


def record_answer(rows, answer) -> int:
    """Mark what the hub holds as acked, quarantine what it rejected, tell the Samsat counter; the caller commits."""
    through = int(answer["accepted_through_seq"])
    rejected = answer["results"]["rejected"]
    known = set(db.session.execute(db.select(SyncRejection.seq, SyncRejection.code)
                                   .where(SyncRejection.seq.between(rows[0].seq, rows[-1].seq))).all())
    for item in rejected:
        if (item["seq"], item["code"]) not in known:
            db.session.add(SyncRejection(seq=item["seq"], uuid=item["uuid"], code=item["code"]))
    db.session.execute(update(Outbox).where(Outbox.seq.between(rows[0].seq, min(rows[-1].seq, through)),
                                            Outbox.acked_at.is_(None)).values(acked_at=clock.now()))
    _tell_samsat(rows, through, rejected)
    return through


def _tell_samsat(rows, through, rejected) -> None:
    """Samsat payments of this batch: held by the hub → terkirim, refused → ditolak with the reason code."""
    payments = {row.seq: row.uuid for row in rows if row.kind == "samsat_payment" and row.seq <= through}
    if not payments:
        return
    from ..samsat import service as samsat
    refused = {item["seq"]: item["code"] for item in rejected if item.get("seq") in payments}
    samsat.mark_sent([uuid for seq, uuid in payments.items() if seq not in refused])
    for seq, code in refused.items():
        samsat.apply_confirmation(payments[seq], "ditolak", reason=code)


def pending_count() -> int:
    """Records not yet on the hub (the day-close warning and the chip use it)."""
    return db.session.scalar(db.select(func.count()).select_from(Outbox).where(Outbox.acked_at.is_(None)))
