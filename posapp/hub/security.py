"""Who is calling: the HMAC check of every API request, body caps, gzip with a decompressed cap."""
import re
import zlib
from datetime import datetime, timedelta, timezone

from flask import current_app, g, request

from .. import clock
from ..wire import protocol
from .extensions import db, db_cursor
from .models import Koperasi

# what the headers may look like before anything is looked up (a NUL or a non-ASCII signature is refused here)
HEADER_SHAPES = {protocol.HEADER_KEY: re.compile(r"[A-Za-z0-9_.-]{1,40}"),
                 protocol.HEADER_TIME: re.compile(r"[0-9]{1,12}"),
                 protocol.HEADER_NONCE: re.compile(r"[A-Za-z0-9_.:-]{1,64}"),
                 protocol.HEADER_SIGNATURE: re.compile(r"[0-9a-fA-F]{64}")}


class ApiError(Exception):
    """A refusal the client is told about: HTTP status, a stable code, a message, extra fields."""

    def __init__(self, status, code, message, **extra):
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra

    def to_json(self):
        return {"error": self.code, "message": self.message, "server_time": hub_now().isoformat(), **self.extra}


def hub_now() -> datetime:
    """The hub's clock (tests of a skewed shop give the hub its own real clock)."""
    now = current_app.config.get("HUB_NOW")
    return now() if now else clock.now()


def request_body() -> bytes:
    """The decompressed body; refuses a body (or a gzip bomb) over HUB_MAX_BODY."""
    if "_hub_body" in g:
        return g._hub_body
    raw = request.get_data(cache=True)  # MAX_CONTENT_LENGTH already caps the wire size (413)
    cap = current_app.config["HUB_MAX_BODY"]
    if request.headers.get("Content-Encoding", "").lower() == "gzip":
        raw = _gunzip(raw, cap)
    if len(raw) > cap:
        raise ApiError(413, "body_too_large", "Isi permintaan terlalu besar.")
    g._hub_body = raw
    return raw


def _gunzip(data: bytes, cap: int) -> bytes:
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, cap + 1)
    except zlib.error as exc:
        raise ApiError(400, "malformed_body", "Isi gzip rusak.") from exc
    if len(out) > cap or inflater.unconsumed_tail:
        raise ApiError(413, "body_too_large", "Isi permintaan terlalu besar setelah dibuka.")
    if not inflater.eof:
        raise ApiError(400, "malformed_body", "Isi gzip terpotong.")
    return out


def authenticate() -> Koperasi:
    """Check key, signature, revocation, clock skew and nonce; returns the calling shop."""
    return db.session.get(Koperasi, authenticate_shop_id())


def authenticate_shop_id() -> int:
    """authenticate() without loading the shop: the calling shop's id (the batch upload locks the row itself).
    Plain statements on the session's connection: this runs for every request of thousands of shops."""
    headers = request.headers
    key_id, stamp = headers.get(protocol.HEADER_KEY), headers.get(protocol.HEADER_TIME)
    nonce, signature = headers.get(protocol.HEADER_NONCE), headers.get(protocol.HEADER_SIGNATURE)
    if not (key_id and stamp and nonce and signature):
        raise ApiError(401, "auth_missing", "Permintaan tanpa tanda tangan.")
    if not all(shape.fullmatch(headers.get(name)) for name, shape in HEADER_SHAPES.items()):
        raise ApiError(401, "auth_malformed", "Tanda tangan tidak dikenali.")
    with db_cursor() as cursor:
        key = cursor.execute(KEY, (key_id,)).fetchone()
    body = request.get_data(cache=True)  # signed as sent (compressed bytes)
    query = request.query_string.decode("latin-1")
    secret, status, shop_id = key or (None, None, None)
    if key is None or not protocol.verify(secret, signature, request.method, request.path, query, body,
                                          stamp, nonce):
        raise ApiError(401, "bad_signature", "Tanda tangan tidak sah.")
    if status != "active":
        raise ApiError(403, "key_revoked", "Kunci toko ini sudah dicabut. Daftarkan ulang toko ke server provinsi.")
    now = hub_now()
    if not protocol.skew_ok(int(stamp), now.timestamp()):
        raise ApiError(401, "stale_timestamp", "Jam toko berbeda lebih dari 15 menit dengan server.")
    _remember_nonce(key_id, nonce, now)
    g.hub_key_id = key_id
    return shop_id


KEY = "SELECT secret, status, shop_id FROM hub_shop_key WHERE key_id = %s"
REMEMBER = ("INSERT INTO hub_nonce (key_id, nonce, expires_at) VALUES (%s, %s, %s) "
            "ON CONFLICT DO NOTHING RETURNING nonce")
FORGET = "DELETE FROM hub_nonce WHERE expires_at < %s"


def _remember_nonce(key_id, nonce, now):
    """Insert the nonce in its own transaction; a conflict means the request is a replay.

    The commit does not wait for the disk (synchronous_commit off for this transaction only): a crash could
    forget the nonces of its last moment, and those requests are still bound by their 15-minute timestamp
    and, for batches, answered from the stored reply. The batch itself is committed durably.
    """
    utc_now = now.astimezone(timezone.utc).replace(tzinfo=None)  # the columns hold naive UTC
    expires = utc_now + timedelta(seconds=2 * protocol.MAX_SKEW_SECONDS)
    with db_cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")
        stored = cursor.execute(REMEMBER, (key_id, nonce, expires)).fetchone()
        if stored is not None and int.from_bytes(nonce.encode()[-2:], "big") % 64 == 0:
            cursor.execute(FORGET, (utc_now,))  # now and then, forget expired nonces
    if stored is None:
        db.session.rollback()
        raise ApiError(401, "replayed_nonce", "Permintaan ini sudah pernah diterima (nonce terpakai).")
    db.session.commit()
