"""Settings with defaults; shop identity validation; first-run setup."""
import json
import re
from types import SimpleNamespace

from flask import g, has_request_context

from .. import audit
from ..auth import service as auth_service
from ..extensions import db
from ..refusal import Refusal
from .models import Setting
from ..i18n import _

DEFAULTS = {
    "shop_name": "",
    "shop_address": "",
    "shop_code": "",
    "receipt_header": "",
    "receipt_footer": "Terima kasih atas kunjungan Anda",
    "discount_limit_percent": 10,
    "allow_negative_stock": True,
    "samsat_fee": 0,
    # the counter: cash due rounded down to Rp 100 (the koperasi bears it), the shop's printed QRIS
    # payload (a QRIS with the sale's amount is shown from it), the idle lock of the till in minutes (0: off)
    "cash_rounding": True,
    "qris_payload": "",
    "idle_lock_minutes": 10,
    "cash_out_approval_limit": 100_000,  # kas keluar above this from the till needs the manager's PIN
    # receipts: printer connection and paper (posapp/receipts/settings.py validates them)
    "printer_connection": "none",
    "printer_host": "",
    "printer_port": 9100,
    "printer_usb_vendor": "",
    "printer_usb_product": "",
    "printer_serial_device": "",
    "printer_win32_name": "",
    "printer_cups_name": "",
    "printer_file_path": "",
    "paper_mm": 58,
    "printer_autocut": True,
    "printer_drawer_pulse": False,
    "receipt_pdf_archive": False,
    # anggota koperasi (posapp/members/settings.py validates them)
    "member_no_format": "AGT-{no:05d}",
    "simpanan_pokok": 100_000,
    "simpanan_wajib": 10_000,
    "shu_percent": {"cadangan": "40", "jasa_usaha": "25", "jasa_modal": "20", "pengurus": "5", "karyawan": "5",
                    "pendidikan": "2.5", "sosial": "2.5"},
    # dompet santri (posapp/wallet/settings.py validates them)
    "wallet_pin_required": False,
    "wallet_free_categories": ["Kitab", "Alat Tulis", "Seragam"],
    "wallet_low_balance": 20_000,
    # sync: outbox rows the hub acknowledged are deleted after this many days (the facts stay)
    "outbox_keep_days": 30,
}
SHOP_CODE_RE = re.compile(r"^[A-Z0-9]{3,10}$")


class SettingsRefused(Refusal):
    """Settings refused, with a message per form field (`errors`)."""

    def __init__(self, errors: dict):
        super().__init__("; ".join(errors.values()), next(iter(errors), None))
        self.errors = errors


def get_settings() -> SimpleNamespace:
    """All settings, defaults filled in, as attributes (shop.shop_name …); read once per request."""
    cached = g.get("shop_settings") if has_request_context() else None
    if cached is not None:
        return cached
    values = dict(DEFAULTS)
    for row in db.session.scalars(db.select(Setting)):
        values[row.key] = json.loads(row.value)
    settings = SimpleNamespace(**values)
    if has_request_context():
        g.shop_settings = settings
    return settings


def save_settings(changes: dict, actor=None) -> None:
    """Store known settings; unknown keys are a programming error."""
    for key, value in changes.items():
        if key not in DEFAULTS:
            raise KeyError(key)
        db.session.merge(Setting(key=key, value=json.dumps(value)))
    if has_request_context():
        g.pop("shop_settings", None)  # this request reads the new values
    if changes:
        audit.record("settings.change", ", ".join(sorted(changes)), user=actor)


def clean_identity(form: dict) -> dict:
    """Validate the shop identity fields; raise SettingsRefused with per-field messages."""
    values = {k: (form.get(k) or "").strip() for k in
              ("shop_name", "shop_address", "shop_code", "receipt_header", "receipt_footer")}
    values["shop_code"] = values["shop_code"].upper()
    errors = {}
    if not values["shop_name"]:
        errors["shop_name"] = _("Nama koperasi wajib diisi.")
    if not values["shop_address"]:
        errors["shop_address"] = _("Alamat wajib diisi.")
    if not SHOP_CODE_RE.match(values["shop_code"]):
        errors["shop_code"] = _("Kode koperasi/OPOP 3–10 huruf besar atau angka, mis. KOP01.")
    for key in ("receipt_header", "receipt_footer"):
        if len(values[key]) > 300:
            errors[key] = _("Teks struk maksimal 300 karakter.")
    if errors:
        raise SettingsRefused(errors)
    return values


def first_setup(form: dict):
    """Create the first admin and the shop identity; only while there are no users."""
    if auth_service.has_users():
        raise SettingsRefused({"_": _("Aplikasi sudah disiapkan.")})
    identity = clean_identity(form)
    if form.get("password") != form.get("password2"):
        raise SettingsRefused({"password2": _("Ulangi kata sandi tidak cocok.")})
    try:
        admin = auth_service.create_user(form.get("username"), form.get("full_name"), "admin",
                                         form.get("password") or "", form.get("pin") or "")
    except auth_service.AuthRefused as exc:
        raise SettingsRefused({exc.field or "_": str(exc)}) from exc
    save_settings(identity, actor=admin)
    return admin
