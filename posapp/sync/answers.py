"""The shapes of the hub's answers, checked before anything is written (pure: no Flask, no database).

A reply that is JSON but not the answer the protocol promises (a proxy's page, a half-written body
that still parses, a hub of another version) is a BadAnswer: retried like a cut connection, never a
KeyError halfway through a run.
"""
from ..limits import is_bigint
from ..wire.client import BadAnswer


def _fail(what: str):
    raise BadAnswer(f"jawaban server provinsi tidak lengkap ({what})")


def _seq(value) -> bool:
    return is_bigint(value) and value >= 0


def cursor(data: dict) -> int:
    """GET /sync/cursor → the hub's last seq for this shop."""
    if not _seq(data.get("last_seq")):
        _fail("last_seq")
    return data["last_seq"]


def batch(data: dict, first_seq: int, last_seq: int) -> tuple[int, list[dict]]:
    """POST /sync/batches → (accepted_through_seq, rejected items as {seq, uuid, code, detail})."""
    through, results = data.get("accepted_through_seq"), data.get("results")
    if not _seq(through) or through < last_seq:
        _fail("accepted_through_seq")
    rejected = results.get("rejected") if isinstance(results, dict) else None
    if not isinstance(rejected, list):
        _fail("results.rejected")
    return through, [_rejected(item, first_seq, last_seq) for item in rejected]


def _rejected(item, first_seq, last_seq) -> dict:
    if not isinstance(item, dict) or not isinstance(item.get("code"), str) or not item["code"]:
        _fail("rejected[].code")
    seq = item.get("seq")
    if seq is not None and not (is_bigint(seq) and first_seq <= seq <= last_seq):
        seq = None  # the hub could not name it (a null seq): found again by its UUID, or kept without one
    text = (lambda key, limit: str(item.get(key) or "").replace("\x00", "")[:limit])
    return {"seq": seq, "uuid": text("uuid", 64), "code": text("code", 40), "detail": text("detail", 500)}


def feed_page(data: dict) -> dict:
    """GET /ref/<stream>/changes → the page with `changes` [{key, seq, payload}], `last_seq`, `has_more`."""
    changes = data.get("changes")
    if not isinstance(changes, list) or not _seq(data.get("last_seq")):
        _fail("changes/last_seq")
    for change in changes:
        if not isinstance(change, dict) or not isinstance(change.get("key"), str) or not _seq(change.get("seq")) \
                or "payload" not in change:
            _fail("changes[]")
    return {**data, "has_more": data.get("has_more") is True and bool(changes)}  # an empty page ends the pull


def reconcile_days(data: dict) -> list[dict]:
    """GET /sync/reconcile → [{date, kind, count, sum}]."""
    days = data.get("days")
    if not isinstance(days, list):
        _fail("days")
    for day in days:
        if not isinstance(day, dict) or not all(isinstance(day.get(k), str) for k in ("date", "kind")) \
                or not all(is_bigint(day.get(k)) for k in ("count", "sum")):
            _fail("days[]")
    return days
