"""The hub's reason codes for a Samsat payment it did not confirm, in words for the kasir and the manager."""

REASONS = {
    "already_paid": "tahun pajak ini sudah dibayar (di loket ini atau loket lain)",
    "vehicle_not_found": "nomor polisi tidak ada di data Samsat provinsi",
    "register_invalid": "data kendaraan di Samsat provinsi tidak lengkap",
    "plate_invalid": "nomor polisi tidak sah",
    "plate_not_jatim": "bukan kendaraan Jawa Timur",
    "not_supported": "kendaraan umum tidak dilayani di loket",
    "vehicle_blocked": "kendaraan diblokir Samsat",
    "stnk_renewal_due": "STNK harus disahkan lima tahunan di Samsat",
    "too_many_years": "tunggakan lebih dari 2 tahun: bayar di Samsat",
    "not_due_yet": "belum jatuh tempo",
    "settled": "selisih sudah diselesaikan dengan pemilik",
    "settlement_mismatch": "penyelesaian belum sama dengan tagihan Samsat",
}


def reason_text(code) -> str:
    """The words for a Samsat reason code; "" when it is not one (the sync's own codes have their words)."""
    return REASONS.get(code or "", "")
