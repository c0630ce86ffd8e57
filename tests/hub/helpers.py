"""Build records and batches the way the shop's outbox does."""
import uuid as uuidlib

from posapp.wire.outbox import canonical_json, payload_sha256


def record(seq, total=10_000, kind="sale", day="2026-11-24", uuid=None, **extra):
    uuid = uuid or str(uuidlib.uuid4())
    payload = {"uuid": uuid, "kind": kind, "total": total, "receipt_no": f"KOP01-{seq:05d}", **extra}
    return {"seq": seq, "kind": kind, "uuid": uuid, "business_date": day, "payload": payload,
            "sha256": payload_sha256(payload)}


def batch(records, batch_id=None):
    first, last = records[0]["seq"], records[-1]["seq"]
    return {"batch_id": batch_id or f"s{first}-{last}", "from_seq": first, "to_seq": last, "records": records}


def body(data) -> bytes:
    return canonical_json(data).encode("utf-8")
