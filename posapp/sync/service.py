"""Enrolment and key rotation of this shop at the hub. Add and flush, never commit."""
from urllib.parse import urlsplit

from .. import clock
from .client import HubClient, HubRefused, HubUnreachable
from .lock import state as sync_state


class EnrolError(Exception):
    """Bad input or a refusal, with the form field it belongs to."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def enrol(hub_url: str, code: str, timeout=15):
    """Trade the hub's one-time code for this shop's key."""
    hub_url = (hub_url or "").strip().rstrip("/")
    parts = urlsplit(hub_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EnrolError("Alamat server harus diawali https:// (contoh https://opop.jatimprov.go.id).", "hub_url")
    if not (code or "").strip():
        raise EnrolError("Kode pendaftaran wajib diisi.", "code")
    client = HubClient(hub_url, timeout=timeout)
    try:
        answer = client.post("/enroll", {"code": code.strip()}, signed=False)
    except HubUnreachable as exc:
        raise EnrolError(f"Server provinsi tidak dapat dihubungi: {exc}.", "hub_url") from exc
    except HubRefused as exc:
        raise EnrolError(exc.message, "code") from exc
    client.adjust_offset(answer.get("server_time"))
    state = sync_state()
    state.hub_url, state.shop_code = hub_url, answer["shop_code"]
    state.key_id, state.secret = answer["key_id"], answer["secret"]
    state.clock_offset, state.enrolled_at, state.last_error = client.offset, clock.now(), ""
    return state


def rotate_key(client: HubClient):
    """Get a new key, switch to it, then retire the old one with a request signed by the new one."""
    answer = client.post("/keys/rotate", {})
    state = sync_state()
    state.key_id, state.secret = answer["key_id"], answer["secret"]
    client.key_id, client.secret = answer["key_id"], answer["secret"]
    client.post("/keys/retire-others", {})
    return state
