"""THE inquiry adapter: the hub's register when it is configured and reachable, else the STNK typed in.

It uses `posapp.wire.hub_calls.samsat_inquiry(plate, paid_on) -> {"vehicle": {...}, "bill": {...}}` once
`samsat_hub_ready()` says the shop is enrolled; until then the kasir types the facts (manual entry).
"""
import re
from dataclasses import asdict, dataclass

from flask import current_app

from ..money import MoneyError, parse_rupiah
from ..wire import hub_calls
from .errors import VehicleInputError
from .rulebook import VEHICLE_CLASSES

ENGINE_FIELDS = ("plate", "vehicle_class", "cc", "njkb", "pkb_pokok", "ownership_order", "tax_due",
                 "stnk_valid_until", "blocked", "public_transport")
UNREACHABLE = "Hub Samsat tidak terjangkau; data diisi manual dari STNK."
CLASS_LABELS = {"motor": "Sepeda motor", "roda_tiga": "Roda tiga", "sedan": "Sedan", "jeep_minibus": "Jeep / minibus",
                "pickup": "Pick-up", "microbus": "Microbus", "bus": "Bus", "truk_ringan": "Truk ringan",
                "truk": "Truk"}
_CHASSIS = re.compile(r"[A-Z0-9]{5,25}")


@dataclass
class Quote:
    """What the bill is priced from, kept (in the session) between showing the bill and the payment."""
    vehicle: dict          # the rule engine's input
    source: str            # hub | manual
    verified: bool         # False: priced locally, "belum terverifikasi"
    owner_name: str
    vehicle_desc: str
    chassis_last5: str
    note: str = ""         # why the hub was not used, shown to the kasir
    hub_total: int | None = None  # the hub's own bill total, to cross-check the counter's pricing

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> "Quote":
        return cls(**data)


def hub_function():
    """The hub's inquiry call, or None while the hub is not configured (shop not enrolled)."""
    return hub_calls.samsat_inquiry if hub_calls.samsat_hub_ready() else None


def hub_configured() -> bool:
    return hub_function() is not None


def lookup(plate: str, form, paid_on) -> Quote:
    """Ask the hub; when it is missing, unreachable or does not know the plate, read the typed facts."""
    ask, note = hub_function(), ""
    if ask is not None and (plate or "").strip():
        try:
            answer = ask(plate, paid_on)
        except Exception as exc:  # noqa: BLE001 - any hub failure means: the kasir types the STNK
            current_app.logger.info("Samsat inquiry via hub failed: %s", exc)
            answer, note = None, getattr(exc, "kasir_note", None) or UNREACHABLE
        if answer and isinstance(answer.get("vehicle"), dict):
            return from_hub(answer["vehicle"], answer.get("bill"))
    try:
        return manual_quote(form, note)
    except VehicleInputError as exc:
        exc.hub_note = note  # the page says why the STNK is needed as well as what is missing
        raise


def from_hub(facts: dict, bill=None) -> Quote:
    vehicle = {key: facts.get(key) for key in ENGINE_FIELDS}
    total = bill.get("total") if isinstance(bill, dict) and bill.get("payable", True) else None
    hub_total = total if isinstance(total, int) and not isinstance(total, bool) else None
    return Quote(vehicle, "hub", True, facts.get("owner_name") or "",
                 " ".join(x for x in (facts.get("brand") or "", CLASS_LABELS.get(facts.get("vehicle_class"), ""))
                          if x), (facts.get("chassis_last5") or "").upper(), hub_total=hub_total)


def manual_quote(form, note="") -> Quote:
    """The facts the kasir typed from the STNK; VehicleInputError names the field that is wrong."""
    plate = (form.get("plate") or "").strip()
    if not plate:
        raise VehicleInputError("Isi nomor polisi, mis. L 1234 AB.", "plate")
    vehicle_class = form.get("vehicle_class") or ""
    if vehicle_class not in VEHICLE_CLASSES:
        raise VehicleInputError("Pilih jenis kendaraan.", "vehicle_class")
    vehicle = {"plate": plate, "vehicle_class": vehicle_class, "cc": _whole(form, "cc", "Isi silinder (cc)"),
               "njkb": _rupiah(form, "njkb", "NJKB"), "pkb_pokok": _rupiah(form, "pkb_pokok", "PKB pokok"),
               "ownership_order": _whole(form, "ownership_order", "Urutan kepemilikan", default=1),
               "tax_due": _date(form, "tax_due", "jatuh tempo pajak"),
               "stnk_valid_until": _date(form, "stnk_valid_until", "masa berlaku STNK"),
               "blocked": False, "public_transport": bool(form.get("public_transport"))}
    return Quote(vehicle, "manual", False, (form.get("owner_name") or "").strip()[:120],
                 _description(form, vehicle_class), chassis_last5(form.get("chassis_no"), "chassis_no"), note)


def chassis_last5(typed, field) -> str:
    """The last 5 characters of a chassis number (nomor rangka) as typed, checked."""
    text = re.sub(r"[\s\-.]", "", (typed or "").upper())
    if not _CHASSIS.fullmatch(text):
        raise VehicleInputError("Nomor rangka: tulis huruf/angka dari STNK, minimal 5 karakter terakhir.", field)
    return text[-5:]


def _description(form, vehicle_class) -> str:
    brand = (form.get("brand") or "").strip()[:80]
    return " · ".join(x for x in (brand, CLASS_LABELS[vehicle_class]) if x)


def _whole(form, key, label, default=None):
    text = (form.get(key) or "").strip().replace(".", "")
    if not text and default is not None:
        return default
    if not (text.isascii() and text.isdigit()) or len(text) > 9:  # "²" and 5,000 digits are not numbers
        raise VehicleInputError(f"{label} harus bilangan bulat.", key)
    return int(text)


def _rupiah(form, key, label):
    text = (form.get(key) or "").strip()
    if not text:
        return None
    try:
        return parse_rupiah(text, maximum=10**15)
    except MoneyError as exc:
        raise VehicleInputError(f"{label}: {exc}", key) from None


def _date(form, key, label):
    text = (form.get(key) or "").strip()
    if not text:
        raise VehicleInputError(f"Isi tanggal {label} (dari STNK).", key)
    return text  # the engine parses and checks it (and names the field)
