"""Check one curated OPOP item (pure: no Flask, no database).

The same rules serve the hub (its admin form and its CSV) and the shop (a defensive check of what
arrives on the "catalogue" feed). `clean_curated` returns (values, errors) like validation.clean_*.
"""
from .. import money
from . import barcodes
from .validation import SKU_RE, TEXT_LIMITS, parse_flag, text
from ..i18n import N_, _

# What the hub decides for a curated product on every shop (the hub wins for these).
REFERENCE_FIELDS = ("name", "barcode", "category", "unit", "pesantren", "halal_cert")
FIELDS = ("code", *REFERENCE_FIELDS, "recommended_price", "active")
LABELS = {"name": N_("nama"), "barcode": N_("barcode"), "category": N_("kategori"), "unit": N_("satuan"),
          "pesantren": N_("pesantren"), "halal_cert": N_("sertifikat halal")}


def clean_curated(data) -> tuple[dict, dict]:
    """Check a curated item given as form text or as a feed payload (ints and booleans)."""
    errors, values = {}, {}
    values["code"] = text(data.get("code")).upper()
    if not values["code"]:
        errors["code"] = _("Kode OPOP wajib diisi.")
    elif not SKU_RE.match(values["code"]):
        errors["code"] = _("Kode OPOP 1–40 karakter: huruf, angka, titik, garis miring atau tanda hubung, tanpa spasi.")
    for field in ("name", "category", "unit", "pesantren", "halal_cert"):
        values[field] = text(data.get(field))
        if len(values[field]) > TEXT_LIMITS[field]:
            errors[field] = _('Maksimal %(n)s karakter.', n=TEXT_LIMITS[field])
    if not values["name"]:
        errors["name"] = _("Nama produk wajib diisi.")
    values["category"] = values["category"] or "Umum"
    values["unit"] = values["unit"] or "pcs"
    values["barcode"] = _barcode(data.get("barcode"), errors)
    values["recommended_price"] = _price(data.get("recommended_price"), errors)
    values["active"] = _active(data.get("active"), errors)
    return values, errors


def _barcode(raw, errors):
    if not text(raw):
        return None  # many pesantren goods carry no barcode yet
    try:
        return barcodes.validate(text(raw))
    except barcodes.BarcodeInvalid as exc:
        errors["barcode"] = str(exc)
        return None


def _price(raw, errors):
    if raw is None or (not isinstance(raw, int) and not text(raw)):
        errors["recommended_price"] = _("Harga rekomendasi wajib diisi.")
        return None
    try:
        price = money.parse_rupiah(raw if isinstance(raw, int) else text(raw))
    except money.MoneyError as exc:
        errors["recommended_price"] = _('Harga rekomendasi: %(exc)s', exc=exc)
        return None
    if price <= 0:
        errors["recommended_price"] = _("Harga rekomendasi harus lebih dari Rp 0.")
        return None
    return price


def _active(raw, errors) -> bool:
    """Missing means active; 'ditarik' (withdrawn) or any no-word means withdrawn."""
    if raw is None or isinstance(raw, bool):
        return raw is not False
    word = text(raw).lower()
    if word in ("aktif", "terbit"):
        return True
    if word in ("ditarik", "tarik", "withdrawn", "nonaktif"):
        return False
    flag = parse_flag(word) if word else True
    if flag is None:
        errors["active"] = _("Status diisi aktif atau ditarik.")
        return True
    return flag


def reference_changes(current: dict, values: dict) -> list[str]:
    """'nama: A → B' for each reference field that differs (the audit detail)."""
    return [f"{LABELS[k]}: {current.get(k) or '—'} → {values.get(k) or '—'}"
            for k in REFERENCE_FIELDS if (current.get(k) or None) != (values.get(k) or None)]
