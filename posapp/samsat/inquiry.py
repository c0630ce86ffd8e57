"""THE inquiry adapter: the hub's register when it is configured and reachable, else the STNK typed in.

It uses `posapp.wire.hub_calls.samsat_inquiry(plate, paid_on) -> {"vehicle": {...}, "bill": {...}}` once
`samsat_hub_ready()` says the shop is enrolled; until then the kasir types the facts (manual entry).
"""
import re
from dataclasses import asdict, dataclass, field

from flask import current_app

from ..money import MoneyError, parse_rupiah
from ..wire import hub_calls
from .errors import VehicleInputError
from .rulebook import VEHICLE_CLASSES
from ..i18n import N_, _

ENGINE_FIELDS = ("plate", "vehicle_class", "cc", "njkb", "pkb_pokok", "pkb_regime", "ownership_order", "tax_due",
                 "stnk_valid_until", "blocked", "public_transport")
# the left-hand form as the kasir typed it: shown again, unchanged, after a refused quote or payment
FORM_FIELDS = ("plate", "owner_name", "brand", "vehicle_class", "cc", "njkb", "pkb_pokok", "pkb_regime",
               "ownership_order", "tax_due", "stnk_valid_until", "chassis_no", "public_transport")
# "Does the STNK show an opsen PKB line?" — yes: printed under jatim-2025, no: under jatim-2010
REGIME_ANSWERS = ("jatim-2025", "jatim-2010")
UNREACHABLE = N_("Hub Samsat tidak terjangkau; data diisi manual dari STNK.")
CLASS_LABELS = {"motor": N_("Sepeda motor"), "roda_tiga": N_("Roda tiga"), "sedan": N_("Sedan"), "jeep_minibus": N_("Jeep / minibus"),
                "pickup": N_("Pick-up"), "microbus": N_("Microbus"), "bus": N_("Bus"), "truk_ringan": N_("Truk ringan"),
                "truk": N_("Truk")}
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
    typed: dict = field(default_factory=dict)  # the form as typed (FORM_FIELDS), to show it again
    paid_periods: list = field(default_factory=list)  # the hub's record of the periods already paid
    next_due: str = ""     # the hub's due date after those periods (DD-MM-YYYY)

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
            answer, note = None, getattr(exc, "kasir_note", None) or _(UNREACHABLE)
        if answer and isinstance(answer.get("vehicle"), dict):
            quote = from_hub(answer["vehicle"], answer.get("bill"), answer.get("paid_periods"))
            quote.next_due = _day(answer["vehicle"].get("tax_due"))
            quote.typed = typed_facts(form)
            return quote
    try:
        return manual_quote(form, note)
    except VehicleInputError as exc:
        exc.hub_note = note  # the page says why the STNK is needed as well as what is missing
        raise


def from_hub(facts: dict, bill=None, paid_periods=None) -> Quote:
    vehicle = {key: facts.get(key) for key in ENGINE_FIELDS}
    total = bill.get("total") if isinstance(bill, dict) and bill.get("payable", True) else None
    hub_total = total if isinstance(total, int) and not isinstance(total, bool) else None
    periods = [_paid_period(p) for p in paid_periods or [] if isinstance(p, dict)][-4:]  # the latest few
    return Quote(vehicle, "hub", True, facts.get("owner_name") or "",
                 " ".join(x for x in (facts.get("brand") or "", CLASS_LABELS.get(facts.get("vehicle_class"), ""))
                          if x), (facts.get("chassis_last5") or "").upper(), hub_total=hub_total,
                 paid_periods=periods)


def _day(value) -> str:
    """An ISO date from the hub as DD-MM-YYYY (anything else as it came, shortened)."""
    text = str(value or "")
    return f"{text[8:10]}-{text[5:7]}-{text[:4]}" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else text[:20]


def _paid_period(period: dict) -> dict:
    """A paid period the hub reported, as text for the kasir."""
    return {"due": _day(period.get("due")), "paid_on": _day(period.get("paid_on")),
            "new_tax_due": _day(period.get("new_tax_due")), "outlet": str(period.get("outlet") or "")[:80],
            "transaction_no": str(period.get("transaction_no") or "")[:40]}


def typed_facts(form) -> dict:
    """The facts the kasir typed, as text, exactly as typed (nothing trimmed, shortened or dropped)."""
    return {key: str(form.get(key) or "")[:200] for key in FORM_FIELDS if form.get(key)}


def manual_quote(form, note="") -> Quote:
    """The facts the kasir typed from the STNK; VehicleInputError names the field that is wrong."""
    plate = (form.get("plate") or "").strip()
    if not plate:
        raise VehicleInputError(_("Isi nomor polisi, mis. L 1234 AB."), "plate")
    vehicle_class = form.get("vehicle_class") or ""
    if vehicle_class not in VEHICLE_CLASSES:
        raise VehicleInputError(_("Pilih jenis kendaraan."), "vehicle_class")
    njkb, pkb_pokok = _rupiah(form, "njkb", _("NJKB")), _rupiah(form, "pkb_pokok", _("PKB pokok"))
    vehicle = {"plate": plate, "vehicle_class": vehicle_class, "cc": _whole(form, "cc", _("Isi silinder (cc)")),
               "njkb": njkb, "pkb_pokok": pkb_pokok, "pkb_regime": _regime(form, njkb, pkb_pokok),
               "ownership_order": _whole(form, "ownership_order", _("Urutan kepemilikan"), default=1),
               "tax_due": _date(form, "tax_due", _("jatuh tempo pajak")),
               "stnk_valid_until": _date(form, "stnk_valid_until", _("masa berlaku STNK")),
               "blocked": False, "public_transport": bool(form.get("public_transport"))}
    return Quote(vehicle, "manual", False, (form.get("owner_name") or "").strip()[:120],
                 _description(form, vehicle_class), chassis_last5(form.get("chassis_no"), "chassis_no"), note,
                 typed=typed_facts(form))


def _regime(form, njkb, pkb_pokok):
    """The rates a typed PKB pokok was printed at, from the kasir's answer about the opsen line.

    Only with a PKB pokok alone: with NJKB there is none (and with both, the engine says "not both").
    """
    if pkb_pokok is None or njkb is not None:
        return None
    answer = form.get("pkb_regime") or ""
    if answer not in REGIME_ANSWERS:
        raise VehicleInputError(_("PKB pokok diisi: jawab dulu, apakah STNK memuat baris opsen PKB? "
                                "(Ya / Tidak)"), "pkb_regime")
    return answer


def chassis_last5(typed, field) -> str:
    """The last 5 characters of a chassis number (nomor rangka) as typed, checked."""
    text = re.sub(r"[\s\-.]", "", (typed or "").upper())
    if not _CHASSIS.fullmatch(text):
        raise VehicleInputError(_("Nomor rangka: tulis huruf/angka dari STNK, minimal 5 karakter terakhir."), field)
    return text[-5:]


def _description(form, vehicle_class) -> str:
    brand = (form.get("brand") or "").strip()[:80]
    return " · ".join(x for x in (brand, CLASS_LABELS[vehicle_class]) if x)


def _whole(form, key, label, default=None):
    text = (form.get(key) or "").strip().replace(".", "")
    if not text and default is not None:
        return default
    if not (text.isascii() and text.isdigit()) or len(text) > 9:  # "²" and 5,000 digits are not numbers
        raise VehicleInputError(_('%(label)s harus bilangan bulat.', label=label), key)
    return int(text)


def _rupiah(form, key, label):
    text = (form.get(key) or "").strip()
    if not text:
        return None
    try:
        return parse_rupiah(text, maximum=10**15)
    except MoneyError as exc:
        raise VehicleInputError(_('%(label)s: %(error)s', label=label, error=exc), key) from None


def _date(form, key, label):
    text = (form.get(key) or "").strip()
    if not text:
        raise VehicleInputError(_('Isi tanggal %(label)s (dari STNK).', label=label), key)
    return text  # the engine parses and checks it (and names the field)
