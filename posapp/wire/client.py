"""HTTP to the hub: signed requests, gzip bodies, the clock offset, errors as two exceptions."""
import gzip
import json
import secrets
from datetime import datetime
from urllib.parse import urlencode, urlsplit

import requests

from .. import clock
from . import protocol


class HubUnreachable(Exception):
    """No answer (connection refused or cut, timeout) or a 429/5xx: worth retrying (not before `retry_after`
    seconds when the hub said so)."""

    def __init__(self, message, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


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
        if not server_time:
            return False
        self.offset = datetime.fromisoformat(server_time).timestamp() - clock.now().timestamp()
        return True

    def _send(self, method, path, params, body, signed):
        full_path = protocol.API + path
        query = urlencode(params or {})
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if body and len(body) > 1024:
            body = gzip.compress(body, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        if signed:
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
        return self._answer(response)

    @staticmethod
    def _answer(response):
        try:
            data = response.json()
        except ValueError:
            data = {}
        if protocol.retryable(response.status_code):
            raise HubUnreachable(f"server provinsi menjawab {response.status_code}",
                                 _seconds(response.headers.get("Retry-After")))
        if response.status_code >= 400:
            raise HubRefused(response.status_code, data.get("error", f"http_{response.status_code}"),
                             data.get("message") or f"Ditolak server ({response.status_code}).", data)
        return data


def _seconds(header) -> float | None:
    """Retry-After in seconds (the hub sends whole seconds; an HTTP date is not used by it)."""
    return float(min(int(header), 3600)) if header and header.isdigit() else None


def _why(exc) -> str:
    if isinstance(exc, requests.Timeout):
        return "server provinsi tidak menjawab (waktu habis)"
    return "tidak ada koneksi ke server provinsi"


def host_of(url: str) -> str:
    return urlsplit(url).netloc
