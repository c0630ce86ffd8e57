"""Check what a person typed for a product or a stock document (pure: no Flask, no database).

Each `clean_*` returns (values, errors): values ready for the model, errors as {field: message}
in Bahasa Indonesia. Nothing is saved when errors is not empty.
"""
import re

from .. import money
from . import barcodes
from ..i18n import _

SKU_RE = re.compile(r"^[A-Z0-9][A-Z0-9._/-]{0,39}$")
QTY_RE = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$|^[+-]?\d+$")
MAX_QTY = 1_000_000
TRUE_WORDS = {"1", "y", "ya", "yes", "true", "benar", "on", "x", "v"}
FALSE_WORDS = {"", "0", "n", "t", "tidak", "no", "false", "salah", "off", "-"}
TEXT_LIMITS = {"name": 120, "category": 60, "unit": 20, "halal_cert": 60, "pesantren": 120}


def text(value) -> str:
    """Trimmed text with inner runs of whitespace collapsed."""
    return " ".join(str(value or "").split())


def parse_flag(value):
    """A yes/no cell or checkbox: True/False, or None when it cannot be read."""
    word = text(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def parse_qty(value, *, signed=False):
    """A whole quantity ('12', '1.000', '-3' when signed); raises ValueError with a message."""
    raw = text(value).replace(" ", "")
    if not QTY_RE.match(raw):
        raise ValueError(_("Jumlah harus bilangan bulat, mis. 12."))
    qty = int(raw.replace(".", ""))
    if qty < 0 and not signed:
        raise ValueError(_("Jumlah tidak boleh negatif."))
    if abs(qty) > MAX_QTY:
        raise ValueError(_("Jumlah terlalu besar."))
    return qty


def _money(value, label, errors, field, *, required=False, default=None):
    raw = text(value)
    if not raw:
        if required:
            errors[field] = _('%(label)s wajib diisi.', label=label)
        return default
    try:
        amount = money.parse_rupiah(raw, allow_negative=True)
    except money.MoneyError as exc:
        errors[field] = f"{label}: {exc}"
        return default
    if amount < 0:
        errors[field] = _('%(label)s tidak boleh negatif.', label=label)
        return default
    return amount


def clean_product(form) -> tuple[dict, dict]:
    """Check a product form (or a CSV row mapped to the same keys)."""
    errors, values = {}, {}
    for field, limit in TEXT_LIMITS.items():
        values[field] = text(form.get(field))
        if len(values[field]) > limit:
            errors[field] = _('Maksimal %(limit)s karakter.', limit=limit)
    if not values["name"]:
        errors["name"] = _("Nama produk wajib diisi.")
    values["category"] = values["category"] or "Umum"
    values["unit"] = values["unit"] or "pcs"
    values["sku"] = text(form.get("sku")).upper()
    if not values["sku"]:
        errors["sku"] = _("SKU wajib diisi.")
    elif not SKU_RE.match(values["sku"]):
        errors["sku"] = _("SKU 1–40 karakter: huruf, angka, titik, garis miring atau tanda hubung, tanpa spasi.")
    values["barcode"] = None
    if text(form.get("barcode")):
        try:
            values["barcode"] = barcodes.validate(form.get("barcode"))
        except barcodes.BarcodeInvalid as exc:
            errors["barcode"] = str(exc)
    values["price"] = _money(form.get("price"), _("Harga jual"), errors, "price", required=True)
    if values["price"] == 0 and "price" not in errors:
        errors["price"] = _("Harga jual harus lebih dari Rp 0.")
    values["cost"] = _money(form.get("cost"), _("HPP (modal)"), errors, "cost", default=0)
    values["member_price"] = _money(form.get("member_price"), _("Harga anggota"), errors, "member_price")
    if values["member_price"] is not None and values["price"] and values["member_price"] > values["price"]:
        errors["member_price"] = _("Harga anggota tidak boleh di atas harga jual.")
    values["min_stock"] = 0
    if text(form.get("min_stock")):
        try:
            values["min_stock"] = parse_qty(form.get("min_stock"))
        except ValueError as exc:
            errors["min_stock"] = _('Stok minimum: %(exc)s', exc=exc)
    curated = parse_flag(form.get("opop_curated"))
    if curated is None:
        errors["opop_curated"] = _("Kurasi OPOP diisi ya atau tidak.")
    values["opop_curated"] = bool(curated)
    return values, errors


def clean_adjust(form, reasons) -> tuple[dict, dict]:
    """Stock adjustment: signed quantity (not 0), one of `reasons` (models.ADJUST_REASONS), a note."""
    errors, values = {}, {}
    try:
        values["qty"] = parse_qty(form.get("qty"), signed=True)
        if values["qty"] == 0:
            errors["qty"] = _("Jumlah penyesuaian tidak boleh 0 (pakai minus untuk mengurangi).")
    except ValueError as exc:
        errors["qty"] = str(exc)
    values["reason"] = text(form.get("reason"))
    if values["reason"] not in reasons:
        errors["reason"] = _("Pilih alasan penyesuaian.")
    values["note"] = text(form.get("note"))[:500]
    if values["reason"] == "lainnya" and not values["note"]:
        errors["note"] = _("Tulis keterangan untuk alasan «Lainnya».")
    return values, errors
