"""The wire rules both ends share: request signing, body digest, reconcile amounts, backoff.

Pure: no Flask, no database. The shop signs with it, the hub verifies with it.
"""
import hashlib
import hmac
import random
from urllib.parse import parse_qsl, urlencode


API = "/api/v1"
MAX_SKEW_SECONDS = 15 * 60
HEADER_KEY = "X-Posapp-Key"
HEADER_TIME = "X-Posapp-Timestamp"
HEADER_NONCE = "X-Posapp-Nonce"
HEADER_SIGNATURE = "X-Posapp-Signature"
KINDS = ("sale", "refund", "void", "samsat_payment", "samsat_refund", "samsat_shortfall", "journal_entry",
         "shift_close", "day_close", "member", "member_saving", "member_credit", "shu_payout", "wallet_move",
         "purchase", "supplier_payment", "purchase_return", "consignment_settlement", "consignment_return",
         "cash_movement", "month_close")


def body_digest(body: bytes) -> str:
    """sha256 of the body exactly as sent (compressed bytes when gzip is used)."""
    return hashlib.sha256(body or b"").hexdigest()


def canonical_query(query: str) -> str:
    """Query parameters sorted, so the order a client writes them in does not matter."""
    return urlencode(sorted(parse_qsl(query or "", keep_blank_values=True)))


def string_to_sign(method, path, query, body, timestamp, nonce) -> str:
    return "\n".join((method.upper(), path, canonical_query(query), body_digest(body), str(timestamp), nonce))


def sign(secret: str, method, path, query, body, timestamp, nonce) -> str:
    message = string_to_sign(method, path, query, body, timestamp, nonce).encode("utf-8")
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str, signature: str, method, path, query, body, timestamp, nonce) -> bool:
    """Constant-time comparison of the signature the client sent with the one we expect."""
    expected = sign(secret, method, path, query, body, timestamp, nonce)
    return hmac.compare_digest(expected, signature or "")


def skew_ok(timestamp: int, server_now: float) -> bool:
    return abs(server_now - timestamp) <= MAX_SKEW_SECONDS


def record_amount(kind: str, payload: dict) -> int:
    """The rupiah amount a record counts for in /sync/reconcile (same rule on shop and hub)."""
    for key in ("total", "amount"):
        value = payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    lines = payload.get("lines")
    if kind == "journal_entry" and isinstance(lines, list):
        return sum(line.get("debit", 0) for line in lines if isinstance(line.get("debit", 0), int))
    return 0


def backoff_delay(attempt: int, base: float = 2.0, cap: float = 600.0, rng=random) -> float:
    """Full-jitter exponential backoff: uniform between 0 and min(cap, base·2^attempt)."""
    return rng.uniform(0, min(cap, base * (2 ** attempt)))


def retryable(status: int | None) -> bool:
    """Connection errors (None), 429 and 5xx are retried; other refusals are shown."""
    return status is None or status == 429 or status >= 500


def nightly_offset_minutes(shop_key: str, window_minutes: int) -> int:
    """A stable per-shop start offset inside the nightly window (6,000 shops must not arrive at once)."""
    if window_minutes <= 0:
        return 0
    return int(hashlib.sha256(shop_key.encode("utf-8")).hexdigest(), 16) % window_minutes
