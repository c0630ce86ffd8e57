"""HTTP to the hub: signed requests, gzip bodies, the clock offset, errors as two exceptions.

Every reply is one of three things: an answer (a JSON object), a refusal to show (HubRefused), or
something worth trying again (HubUnreachable, with its cause in Indonesian): no connection, a cut or
reset connection, a timeout, 429/5xx (with the hub's Retry-After), an empty, truncated or unreadable
reply, or a 401 `replayed_nonce` — a copy of the request duplicated on the way, so the next try is
signed again with a new nonce.
"""
import gzip
import json
import secrets
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode, urlsplit

import requests

from .. import clock
from . import protocol

MAX_RETRY_AFTER = 24 * 3600  # seconds: a Retry-After beyond a day is read as a day


class HubUnreachable(Exception):
    """No usable answer, worth retrying: `cause` says why in Indonesian; `retry_after` is the hub's own
    Retry-After in seconds (429/503), `status` the HTTP status when there was one."""

    def __init__(self, cause, retry_after=None, status=None):
        super().__init__(cause)
        self.cause, self.retry_after, self.status = cause, retry_after, status


class BadAnswer(HubUnreachable):
    """A reply that arrived but cannot be read: empty, truncated, not JSON, or not the expected shape."""


class HubRefused(Exception):
    """The hub said no (400/401/403/409/422…): shown, not retried blindly."""

    def __init__(self, status, code, message, data=None):
        super().__init__(message)
        self.status, self.code, self.message, self.data = status, code, message, data or {}


class HubClient:
    def __init__(self, base_url, key_id="", secret="", offset=0.0, timeout=30, session=None):
        self.base_url = base_url.rstrip("/")
        self.key_id, self.secret, self.offset, self.timeout = key_id, secret, offset, timeout
        self.session = session or requests.Session()

    def hub_timestamp(self) -> int:
        return int(clock.now().timestamp() + self.offset)

    def get(self, path, params=None):
        return self.request("GET", path, params=params)

    def post(self, path, payload=None, body: bytes | None = None, signed=True):
        if body is None:
            body = json.dumps(payload or {}, separators=(",", ":")).encode("utf-8")
        return self.request("POST", path, body=body, signed=signed)

    def request(self, method, path, params=None, body=b"", signed=True):
        """Send once; on a stale timestamp correct the offset from the hub's time and send once more."""
        try:
            return self._send(method, path, params, body, signed)
        except HubRefused as refusal:
            if refusal.code != "stale_timestamp" or not self.adjust_offset(refusal.data.get("server_time")):
                raise
            return self._send(method, path, params, body, signed)

    def adjust_offset(self, server_time) -> bool:
        """Take the hub's clock from an ISO time it sent; False (offset kept) when there is none to read."""
        try:
            moment = datetime.fromisoformat(server_time) if isinstance(server_time, str) else None
        except ValueError:
            moment = None
        if moment is None:
            return False
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        self.offset = moment.timestamp() - clock.now().timestamp()
        return True

    def _send(self, method, path, params, body, signed):
        full_path = protocol.API + path
        query = urlencode(params or {})
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if body and len(body) > 1024:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        if signed:  # a new nonce on every send: a retry is never a replay
            stamp, nonce = str(self.hub_timestamp()), secrets.token_hex(16)
            headers.update({protocol.HEADER_KEY: self.key_id, protocol.HEADER_TIME: stamp,
                            protocol.HEADER_NONCE: nonce,
                            protocol.HEADER_SIGNATURE: protocol.sign(self.secret, method, full_path, query, body,
                                                                     stamp, nonce)})
        url = self.base_url + full_path + (f"?{query}" if query else "")
        try:
            response = self.session.request(method, url, data=body or None, headers=headers, timeout=self.timeout)
        except requests.RequestException as exc:
            raise HubUnreachable(_why(exc)) from exc
        return _answer(response)


def _answer(response):
    status = response.status_code
    if protocol.retryable(status):
        raise HubUnreachable(_busy(status), retry_after(response.headers.get("Retry-After")), status)
    data = _json(response)
    if data is None:
        raise BadAnswer(f"jawaban server provinsi rusak atau terpotong (HTTP {status}, "
                        f"{len(response.content)} byte)", status=status)
    if status == 401 and data.get("error") == "replayed_nonce":
        raise HubUnreachable("permintaan tergandakan di jaringan (nonce sudah terpakai); dikirim ulang "
                             "dengan tanda tangan baru", status=status)
    if status >= 400:
        code = data.get("error") if isinstance(data.get("error"), str) else f"http_{status}"
        message = data.get("message") if isinstance(data.get("message"), str) else f"Ditolak server ({status})."
        raise HubRefused(status, code, message, data)
    return data


def _json(response):
    """The body as a JSON object, or None when it is empty, cut short or anything else."""
    try:
        data = response.json()
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def retry_after(value) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date); None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(min(int(value[:8]), MAX_RETRY_AFTER))  # float ok: seconds to wait, not money
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    seconds = (moment - datetime.now(timezone.utc)).total_seconds()
    return float(min(max(seconds, 0), MAX_RETRY_AFTER))  # float ok: seconds to wait, not money


def _busy(status) -> str:
    if status == 429:
        return "server provinsi sedang sibuk (429: terlalu banyak permintaan)"
    return f"server provinsi sedang bermasalah (HTTP {status})"


def _why(exc) -> str:
    if isinstance(exc, requests.Timeout):
        return "server provinsi tidak menjawab (waktu habis)"
    if isinstance(exc, (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError)):
        return "jawaban server provinsi terputus di tengah jalan"
    if isinstance(exc, requests.exceptions.SSLError):  # before ConnectionError, of which it is a kind
        return ("sertifikat HTTPS server provinsi tidak bisa dipercaya; periksa tanggal dan jam komputer ini, "
                "lalu alamat server")
    if isinstance(exc, requests.ConnectionError) and "reset" in str(exc).lower():
        return "koneksi ke server provinsi terputus (reset)"
    return "tidak ada koneksi ke server provinsi"


def host_of(url: str) -> str:
    return urlsplit(url).netloc
