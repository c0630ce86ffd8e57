"""Check the vehicle facts typed at the counter (or answered by the hub) before pricing them."""
from dataclasses import dataclass
from datetime import date

from ..money import format_rupiah
from .dates import add_years, parse_date
from .errors import VehicleInputError
from .rulebook import VEHICLE_CLASSES
from ..i18n import N_, _

MAX_NJKB = 100_000_000_000  # Rp 100 miliar: above the dearest car on the NJKB list
MAX_PKB_POKOK = 10_000_000_000
MAX_CC = 20_000
MAX_OWNERSHIP_ORDER = 99
MAX_YEARS_AWAY = 20  # a due date decades from the payment date is a typing error
LABELS = {"plate": N_("nomor polisi"), "vehicle_class": N_("jenis kendaraan"), "cc": N_("isi silinder (cc)"),
          "njkb": N_("NJKB"), "pkb_pokok": N_("PKB pokok"), "pkb_regime": N_("tarif PKB pokok di STNK"),
          "ownership_order": N_("urutan kepemilikan"),
          "tax_due": N_("jatuh tempo pajak"), "stnk_valid_until": N_("masa berlaku STNK"),
          "blocked": N_("status blokir"), "public_transport": N_("kendaraan umum (pelat kuning)")}


@dataclass(frozen=True)
class Vehicle:
    plate: str
    vehicle_class: str
    cc: int
    njkb: int | None
    pkb_pokok: int | None
    pkb_regime: str | None  # with pkb_pokok: the rule set whose rate printed it
    ownership_order: int
    tax_due: date
    stnk_valid_until: date
    blocked: bool
    public_transport: bool


def read_vehicle(data, paid_on: date, regimes) -> Vehicle:
    """The checked facts, or VehicleInputError with an Indonesian message naming the field.

    `regimes`: the rule-set names a typed PKB pokok may have been printed under (`pkb_regime`).
    """
    if not isinstance(data, dict):
        raise VehicleInputError(_("Data kendaraan harus berupa objek JSON."))
    for key in ("plate", "vehicle_class", "cc", "ownership_order", "tax_due", "stnk_valid_until",
                "blocked", "public_transport"):
        if data.get(key) is None:
            raise VehicleInputError(_('Kolom %(field)s (%(key)s) wajib diisi.', field=LABELS[key], key=key), key)
    if not isinstance(data["plate"], str):
        raise VehicleInputError(_("Nomor polisi harus berupa teks, mis. L 1234 AB."), "plate")
    if data["vehicle_class"] not in VEHICLE_CLASSES:
        raise VehicleInputError(_('Jenis kendaraan tidak dikenal; pilih salah satu: %(items)s.', items=', '.join(VEHICLE_CLASSES)),
                                "vehicle_class")
    tax_due, stnk = _date(data, "tax_due"), _date(data, "stnk_valid_until")
    _check_dates(tax_due, stnk, paid_on)
    njkb, pkb_pokok = _base(data)
    regime = _regime(data, regimes)
    return Vehicle(data["plate"], data["vehicle_class"], _whole(data, "cc", 1, MAX_CC), njkb, pkb_pokok, regime,
                   _whole(data, "ownership_order", 1, MAX_OWNERSHIP_ORDER), tax_due, stnk,
                   _flag(data, "blocked"), _flag(data, "public_transport"))


def _base(data):
    """Exactly one of NJKB and PKB pokok, a positive whole rupiah amount."""
    njkb, pokok = data.get("njkb"), data.get("pkb_pokok")
    if (njkb is None) == (pokok is None):
        both = njkb is not None
        raise VehicleInputError(_("Isi NJKB atau PKB pokok saja, jangan keduanya.") if both else
                                _("Isi NJKB atau PKB pokok (dari STNK)."), "njkb")
    if njkb is not None:
        return _amount(data, "njkb", MAX_NJKB), None
    return None, _amount(data, "pkb_pokok", MAX_PKB_POKOK)


def _regime(data, regimes):
    """`pkb_regime`: required with PKB pokok (the rate it was printed at), and given with it only."""
    regime, pokok = data.get("pkb_regime"), data.get("pkb_pokok")
    if pokok is None:
        if regime is not None:
            raise VehicleInputError(_("Tarif PKB pokok (pkb_regime) hanya diisi bersama PKB pokok dari STNK, "
                                    "tidak bersama NJKB."), "pkb_regime")
        return None
    if regime is None:
        raise VehicleInputError(_("Dengan PKB pokok, isi juga apakah STNK memuat baris opsen: pkb_regime "
                                "jatim-2010 (tanpa baris opsen) atau jatim-2025 (ada baris opsen)."), "pkb_regime")
    if not isinstance(regime, str) or regime not in regimes:
        raise VehicleInputError(_('Tarif PKB pokok (pkb_regime) tidak dikenal; pilih salah satu: %(items)s.',
                                  items=', '.join(sorted(regimes))), "pkb_regime")
    return regime


def _amount(data, key, maximum):
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise VehicleInputError(_('%(field)s harus bilangan bulat rupiah lebih dari 0, tanpa sen.',
                                  field=LABELS[key]), key)
    if value > maximum:
        raise VehicleInputError(_('%(field)s terlalu besar (maksimal %(maximum)s); periksa kembali angkanya.',
                                  field=LABELS[key], maximum=format_rupiah(maximum)), key)
    return value


def _whole(data, key, low, high):
    value = data[key]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise VehicleInputError(_('%(field)s harus bilangan bulat %(low)s sampai %(high)s.',
                                  field=LABELS[key].capitalize(), low=low, high=high), key)
    return value


def _flag(data, key):
    if not isinstance(data[key], bool):
        raise VehicleInputError(_('Kolom %(field)s (%(key)s) harus true atau false.', field=LABELS[key], key=key), key)
    return data[key]


def _date(data, key):
    try:
        return parse_date(data[key])
    except ValueError:
        raise VehicleInputError(_('Tanggal %(field)s tidak valid; tulis TTTT-BB-HH, mis. 2025-08-17.', field=LABELS[key]),
                                key) from None


def _check_dates(tax_due, stnk, paid_on):
    # an STNK that ends before the tax due date is not malformed: that year is the renewal's (a refusal)
    for key, day in (("tax_due", tax_due), ("stnk_valid_until", stnk)):
        if not add_years(paid_on, -MAX_YEARS_AWAY) <= day <= add_years(paid_on, MAX_YEARS_AWAY):
            raise VehicleInputError(_('Tanggal %(field)s terlalu jauh dari tanggal bayar (lebih dari %(years)s '
                                      'tahun); periksa kembali STNK.', field=LABELS[key], years=MAX_YEARS_AWAY), key)
