"""Why the counter cannot take a payment, checked in the order of samsat.md; each says where to go instead."""
from datetime import date, timedelta

from .dates import tanggal
from .plates import display_plate, is_valid_plate, plate_region
from ..i18n import _

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
        return (_("Nomor polisi tidak sesuai format (contoh: L 1234 AB). Periksa kembali nomor polisi di STNK; "
                "bila memang berbeda, selesaikan di kantor Samsat."))


def _plate_not_jatim(vehicle, dues, paid_on, limits):
    if plate_region(vehicle.plate) not in limits.plate_regions:
        return (_('Kendaraan %(plate)s bukan kendaraan Jawa Timur. Bayar pajaknya di Samsat daerah asal pelat, atau '
                  'urus mutasi kendaraan di kantor Samsat.', plate=display_plate(vehicle.plate)))


def _not_supported(vehicle, dues, paid_on, limits):
    if vehicle.public_transport:
        return (_("Kendaraan umum (pelat kuning) tidak dilayani di Samsat OPOP. "
                "Silakan bayar di kantor Samsat terdekat."))


def _vehicle_blocked(vehicle, dues, paid_on, limits):
    if vehicle.blocked:
        return (_("Kendaraan ini diblokir oleh Bapenda Jawa Timur. Silakan datang ke kantor Samsat "
                "dengan membawa STNK dan KTP untuk menyelesaikan blokirnya."))


def _stnk_renewal_due(vehicle, dues, paid_on, limits):
    stnk = vehicle.stnk_valid_until
    renewal_year = next((due for due in dues if due >= stnk), None)  # its tax is paid with the renewal
    if renewal_year is None and stnk > paid_on + timedelta(days=limits.stnk_renewal_days):
        return None
    why = (_('pajak yang jatuh tempo %(tanggal)s dibayar bersama pengesahan lima tahunan', tanggal=tanggal(renewal_year))
           if renewal_year else _("waktunya pengesahan lima tahunan"))
    return (_('STNK berlaku sampai %(tanggal)s: %(why)s (ganti STNK dan pelat). Silakan datang ke kantor Samsat '
              'dengan membawa kendaraan, STNK, BPKB dan KTP.', tanggal=tanggal(stnk), why=why))


def _too_many_years(vehicle, dues, paid_on, limits):
    if len(dues) > limits.max_years:
        return (_('Tunggakan pajak %(count)s tahun, lebih dari %(max_years)s tahun yang bisa dibayar di Samsat OPOP. '
                  'Silakan bayar di kantor Samsat.', count=len(dues), max_years=limits.max_years))


def _not_due_yet(vehicle, dues, paid_on, limits):
    earliest = vehicle.tax_due - timedelta(days=limits.max_days_early)
    if paid_on < earliest:
        return (_('Pajak jatuh tempo %(due)s dan baru bisa dibayar mulai %(earliest)s (%(max_days_early)s hari '
                  'sebelumnya). Silakan datang lagi ke loket Samsat OPOP mulai tanggal itu.',
                  due=tanggal(vehicle.tax_due), earliest=tanggal(earliest), max_days_early=limits.max_days_early))


_CHECKS = {"plate_invalid": _plate_invalid, "plate_not_jatim": _plate_not_jatim, "not_supported": _not_supported,
           "vehicle_blocked": _vehicle_blocked, "stnk_renewal_due": _stnk_renewal_due,
           "too_many_years": _too_many_years, "not_due_yet": _not_due_yet}
