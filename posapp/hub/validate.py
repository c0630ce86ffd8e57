"""Shape checks of a batch and of each record (pure: no Flask, no database).

A batch that cannot be read as a whole is refused (400); a record that cannot be stored is refused
alone with a reason code and a detail, and the rest of the batch goes on.
"""
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date

from ..limits import BIGINT_MAX, is_bigint, storable_text
from ..wire.protocol import KINDS
from .fields import field_problem
from .quicktext import quick_text
from .wirejson import Limits, first_problem, path_text, plainly_storable

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
BATCH_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)  # business dates the hub accepts
_UNSEEN = object()  # judge_record: no quick text made yet


class BatchError(ValueError):
    """The batch as a whole is malformed (400 with `code`)."""

    def __init__(self, message, code="malformed_batch"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Context:
    """What a record is judged against: its batch's seq range, the calling shop and the size limits."""
    first: int
    last: int
    shop_code: str
    limits: Limits = field(default_factory=Limits)
    max_record_bytes: int = 512 * 1024


def check_batch(batch, max_records):
    """The envelope: an object with a batch_id, a seq range and 1…max_records records."""
    if not isinstance(batch, dict):
        raise BatchError("batch harus berupa objek")
    batch_id, first, last, records = (batch.get(k) for k in ("batch_id", "from_seq", "to_seq", "records"))
    if not isinstance(batch_id, str) or not BATCH_ID.match(batch_id):
        raise BatchError("batch_id")
    if not _seq(first) or not _seq(last) or last < first:
        raise BatchError("from_seq/to_seq")
    if not isinstance(records, list) or not records or len(records) > max_records:
        raise BatchError(f"records (1 sampai {max_records})")
    check_seq_range(first, last, records)


def check_seq_range(first, last, records):
    """from_seq and to_seq must be the seqs of the first and last records sent: the cursor moves to to_seq,
    so a batch cannot claim more than it carries (a lone record with to_seq = 10**9 is refused)."""
    seqs = [r["seq"] for r in records if isinstance(r, dict) and _seq(r.get("seq"))]
    if not seqs or min(seqs) != first or max(seqs) != last:
        raise BatchError("from_seq/to_seq harus sama dengan seq record terkecil dan terbesar", "seq_mismatch")


def record_problem(record, ctx: Context):
    """(reason code, detail) when the record cannot be stored, else None."""
    return judge_record(record, ctx)[0]


def judge_record(record, ctx: Context, quick=_UNSEEN):
    """(problem or None, the payload's canonical text or None): the text is made once, hashed, and stored.
    `quick` is the record's quick_text when the caller made it already (quick_texts, for a whole batch)."""
    if not isinstance(record, dict):
        return ("bad_record", "record bukan objek"), None
    problem = _envelope_problem(record, ctx)
    return (problem, None) if problem else _payload_problem(record, ctx, quick)


def _envelope_problem(record, ctx):
    seq, kind, uuid = record.get("seq"), record.get("kind"), record.get("uuid")
    if not _seq(seq) or not ctx.first <= seq <= ctx.last:
        return "bad_seq", "seq bukan bilangan bulat dalam rentang batch"
    if kind not in KINDS:
        return "bad_kind", "kind tidak dikenal"
    if not isinstance(uuid, str) or not UUID.match(uuid):
        return "bad_uuid", "uuid bukan UUID huruf kecil"
    if parse_day(record.get("business_date")) is None:
        return "bad_date", "business_date bukan tanggal TTTT-BB-HH antara 2000 dan 2099"
    if not isinstance(record.get("payload"), dict):
        return "bad_payload", "payload bukan objek"
    return None


def _payload_problem(record, ctx, quick):
    payload = record["payload"]
    text = quick_text(payload, record.get("sha256"), ctx.limits, ctx.max_record_bytes) if quick is _UNSEEN else quick
    if text is None:
        problem, text = _careful_text(record, ctx)
        if problem:
            return problem, None
    problem = field_problem(record["kind"], payload, parse_day)
    if problem:
        return problem, None
    if payload.get("shop_code") not in (None, ctx.shop_code):
        return ("other_shop", "shop_code milik toko lain"), None
    return None, text


def _careful_text(record, ctx):
    """(problem or None, canonical text) for a payload the quick path left: every value looked at."""
    payload = record["payload"]
    text = canonical(payload) if plainly_storable(payload, ctx.limits) else None
    if text is None or "\\u0000" in text or not storable_text(text):
        # a closer look says which value and where (the quick pass may have been too cautious)
        problem = first_problem(payload, ctx.limits)
        if problem:
            return (problem[0], f"{path_text(['payload', *problem[1]])}: {problem[2]}"), None
        text = canonical(payload)
    data = text.encode("utf-8")
    if len(data) > ctx.max_record_bytes:
        return ("too_long", f"payload lebih dari {ctx.max_record_bytes} byte"), None
    if hashlib.sha256(data).hexdigest() != record.get("sha256"):
        return ("bad_sha256", "sha256 tidak cocok dengan payload"), None
    return None, text


def canonical(payload) -> str:
    """Same canonical form as the shop's outbox (sorted keys, compact, UTF-8)."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_sha256(payload) -> str:
    return hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()


def parse_day(value):
    """A TTTT-BB-HH date between 2000 and 2099, else None."""
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def _seq(value) -> bool:
    return is_bigint(value) and 1 <= value <= BIGINT_MAX
