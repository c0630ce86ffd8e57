"""Shape checks of a batch and of each record (pure: no Flask, no database)."""
import hashlib
import json
import re
from datetime import date

from ..wire.protocol import KINDS

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
BATCH_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")


class BatchError(ValueError):
    """The batch as a whole is malformed (400)."""


def check_batch(batch, max_records):
    if not isinstance(batch, dict):
        raise BatchError("batch must be an object")
    batch_id, first, last, records = (batch.get(k) for k in ("batch_id", "from_seq", "to_seq", "records"))
    if not isinstance(batch_id, str) or not BATCH_ID.match(batch_id):
        raise BatchError("batch_id")
    if not _int(first) or not _int(last) or first < 1 or last < first:
        raise BatchError("from_seq/to_seq")
    if not isinstance(records, list) or not records or len(records) > max_records:
        raise BatchError("records")
    if not all(isinstance(r, dict) for r in records):
        raise BatchError("records")


def record_problem(record, first, last, shop_code):
    """A reason code when the record cannot be stored, else None."""
    seq, kind, uuid = record.get("seq"), record.get("kind"), record.get("uuid")
    if not _int(seq) or not first <= seq <= last:
        return "bad_seq"
    if kind not in KINDS:
        return "bad_kind"
    if not isinstance(uuid, str) or not UUID.match(uuid):
        return "bad_uuid"
    if _date(record.get("business_date")) is None:
        return "bad_date"
    payload = record.get("payload")
    if not isinstance(payload, dict):
        return "bad_payload"
    if payload_sha256(payload) != record.get("sha256"):
        return "bad_sha256"
    if payload.get("shop_code") not in (None, shop_code):
        return "other_shop"
    return None


def payload_sha256(payload) -> str:
    """Same canonical form as the shop's outbox (sorted keys, compact, UTF-8)."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _date(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
