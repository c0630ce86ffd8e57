"""The shop's one-off calls to the hub: enrolment, key rotation, the online Samsat inquiry. Flush, never commit."""
from urllib.parse import urlsplit

from flask import current_app

from .. import clock
from .client import HubClient, HubRefused, HubUnreachable
from ..refusal import Refusal
from .state import current as current_state, state as sync_state
from ..i18n import _

INQUIRY_TIMEOUT = (3, 6)  # (connect, read) seconds: a resident waits at the counter, so no retry loop


class EnrolRefused(Refusal):
    """Bad input or the hub's refusal of an enrolment, with the form field it belongs to."""


def enrol(hub_url: str, code: str, timeout=15):
    """Trade the hub's one-time code for this shop's key."""
    hub_url = (hub_url or "").strip().rstrip("/")
    parts = urlsplit(hub_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise EnrolRefused(_("Alamat server harus diawali https:// (contoh https://opop.jatimprov.go.id)."), "hub_url")
    if not (code or "").strip():
        raise EnrolRefused(_("Kode pendaftaran wajib diisi."), "code")
    client = HubClient(hub_url, timeout=timeout)
    try:
        answer = client.post("/enroll", {"code": code.strip()}, signed=False)
    except HubUnreachable as exc:
        raise EnrolRefused(_('Server provinsi tidak dapat dihubungi: %(error)s.', error=exc), "hub_url") from exc
    except HubRefused as exc:
        raise EnrolRefused(exc.message, "code") from exc
    client.adjust_offset(answer.get("server_time"))
    state = sync_state()
    state.hub_url, state.shop_code = hub_url, answer["shop_code"]
    state.key_id, state.secret = answer["key_id"], answer["secret"]
    state.clock_offset, state.enrolled_at, state.last_error = client.offset, clock.now(), ""
    return state


def take_new_key(client: HubClient):
    """Get a new key from the hub and switch to it (flush only; commit before retiring the old one)."""
    answer = client.post("/keys/rotate", {})
    state = sync_state()
    state.key_id, state.secret = answer["key_id"], answer["secret"]
    client.key_id, client.secret = answer["key_id"], answer["secret"]
    return state


def retire_other_keys(client: HubClient) -> None:
    """Retire every older key, with a request signed by the new one."""
    client.post("/keys/retire-others", {})


class SamsatInquiryError(Exception):
    """The hub gave no usable inquiry answer; `kasir_note` tells the kasir why, in Indonesian."""

    def __init__(self, kasir_note, code="unreachable"):
        super().__init__(kasir_note)
        self.kasir_note, self.code = kasir_note, code


def samsat_hub_ready() -> bool:
    """The counter asks the hub only once this shop is enrolled (reads, never writes)."""
    return current_state().enrolled


def samsat_inquiry(plate: str, paid_on) -> dict:
    """The hub's register facts (owner masked) and bill for `plate` paid on `paid_on`; raises on any failure."""
    state = current_state()
    if not state.enrolled:
        raise SamsatInquiryError(_("Toko belum terdaftar ke server provinsi; isi data kendaraan dari STNK."),
                                 "not_enrolled")
    client = HubClient(state.hub_url, state.key_id, state.secret, state.clock_offset,
                       timeout=current_app.config.get("SAMSAT_INQUIRY_TIMEOUT", INQUIRY_TIMEOUT))
    try:
        answer = client.get("/samsat/inquiry", {"plate": plate, "on": paid_on.isoformat()})
    except HubUnreachable as exc:
        raise SamsatInquiryError(_('Hub Samsat tidak terjangkau: %(error)s. Isi data kendaraan dari STNK; tagihan '
                                   'dihitung di loket dan belum terverifikasi.', error=exc)) from exc
    except HubRefused as exc:
        raise SamsatInquiryError(_refused_note(exc), exc.code) from exc
    finally:
        client.session.close()
    if not isinstance(answer, dict) or not isinstance(answer.get("vehicle"), dict) or not isinstance(answer.get("bill"), dict):
        raise SamsatInquiryError(_("Jawaban hub Samsat tidak lengkap; isi data kendaraan dari STNK."), "bad_answer")
    return answer


def _refused_note(exc: HubRefused) -> str:
    if exc.code == "vehicle_not_found":
        return (_("Nomor polisi tidak ditemukan di data Samsat provinsi. Periksa nomor polisi, atau isi data "
                "kendaraan dari STNK (tagihan belum terverifikasi)."))
    return _('Hub Samsat menolak permintaan: %(message)s Isi data kendaraan dari STNK.', message=exc.message)
