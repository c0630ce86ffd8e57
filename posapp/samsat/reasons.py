"""The hub's reason codes for a Samsat payment it did not confirm, in words for the kasir and the manager."""
from ..i18n import N_, _

REASONS = {
    "already_paid": N_("tahun pajak ini sudah dibayar (di loket ini atau loket lain)"),
    "vehicle_not_found": N_("nomor polisi tidak ada di data Samsat provinsi"),
    "register_invalid": N_("data kendaraan di Samsat provinsi tidak lengkap"),
    "plate_invalid": N_("nomor polisi tidak sah"),
    "plate_not_jatim": N_("bukan kendaraan Jawa Timur"),
    "not_supported": N_("kendaraan umum tidak dilayani di loket"),
    "vehicle_blocked": N_("kendaraan diblokir Samsat"),
    "stnk_renewal_due": N_("STNK harus disahkan lima tahunan di Samsat"),
    "too_many_years": N_("tunggakan lebih dari 2 tahun: bayar di Samsat"),
    "not_due_yet": N_("belum jatuh tempo"),
    "settled": N_("selisih sudah diselesaikan dengan pemilik"),
    "settlement_mismatch": N_("penyelesaian belum sama dengan tagihan Samsat"),
}


def reason_text(code) -> str:
    """The words for a Samsat reason code; "" when it is not one (the sync's own codes have their words)."""
    return _(REASONS[code]) if code in REASONS else ""
