"""Why the counter cannot take a payment, checked in the order of samsat.md; each says where to go instead."""
from datetime import date, timedelta

from .dates import tanggal
from .plates import display_plate, is_valid_plate, plate_region

ORDER = ("plate_invalid", "plate_not_jatim", "not_supported", "vehicle_blocked", "stnk_renewal_due",
         "too_many_years", "not_due_yet")


def find_refusal(vehicle, dues, paid_on: date, limits):
    """(code, message) of the first refusal that applies, or None."""
    for code in ORDER:
        message = _CHECKS[code](vehicle, dues, paid_on, limits)
        if message:
            return code, message
    return None


def _plate_invalid(vehicle, dues, paid_on, limits):
    if not is_valid_plate(vehicle.plate):
        return ("Nomor polisi tidak sesuai format (contoh: L 1234 AB). Periksa kembali nomor polisi di STNK; "
                "bila memang berbeda, selesaikan di kantor Samsat.")


def _plate_not_jatim(vehicle, dues, paid_on, limits):
    if plate_region(vehicle.plate) not in limits.plate_regions:
        return (f"Kendaraan {display_plate(vehicle.plate)} bukan kendaraan Jawa Timur. Bayar pajaknya di Samsat "
                "daerah asal pelat, atau urus mutasi kendaraan di kantor Samsat.")


def _not_supported(vehicle, dues, paid_on, limits):
    if vehicle.public_transport:
        return ("Kendaraan umum (pelat kuning) tidak dilayani di Samsat OPOP. "
                "Silakan bayar di kantor Samsat terdekat.")


def _vehicle_blocked(vehicle, dues, paid_on, limits):
    if vehicle.blocked:
        return ("Kendaraan ini diblokir oleh Bapenda Jawa Timur. Silakan datang ke kantor Samsat "
                "dengan membawa STNK dan KTP untuk menyelesaikan blokirnya.")


def _stnk_renewal_due(vehicle, dues, paid_on, limits):
    stnk = vehicle.stnk_valid_until
    renewal_year = next((due for due in dues if due >= stnk), None)  # its tax is paid with the renewal
    if renewal_year is None and stnk > paid_on + timedelta(days=limits.stnk_renewal_days):
        return None
    why = (f"pajak yang jatuh tempo {tanggal(renewal_year)} dibayar bersama pengesahan lima tahunan"
           if renewal_year else "waktunya pengesahan lima tahunan")
    return (f"STNK berlaku sampai {tanggal(stnk)}: {why} (ganti STNK dan pelat). Silakan datang ke kantor "
            "Samsat dengan membawa kendaraan, STNK, BPKB dan KTP.")


def _too_many_years(vehicle, dues, paid_on, limits):
    if len(dues) > limits.max_years:
        return (f"Tunggakan pajak {len(dues)} tahun, lebih dari {limits.max_years} tahun yang bisa dibayar di "
                "Samsat OPOP. Silakan bayar di kantor Samsat.")


def _not_due_yet(vehicle, dues, paid_on, limits):
    earliest = vehicle.tax_due - timedelta(days=limits.max_days_early)
    if paid_on < earliest:
        return (f"Pajak jatuh tempo {tanggal(vehicle.tax_due)} dan baru bisa dibayar mulai {tanggal(earliest)} "
                f"({limits.max_days_early} hari sebelumnya). Silakan datang lagi ke loket Samsat OPOP "
                "mulai tanggal itu.")


_CHECKS = {"plate_invalid": _plate_invalid, "plate_not_jatim": _plate_not_jatim, "not_supported": _not_supported,
           "vehicle_blocked": _vehicle_blocked, "stnk_renewal_due": _stnk_renewal_due,
           "too_many_years": _too_many_years, "not_due_yet": _not_due_yet}
