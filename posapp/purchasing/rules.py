"""What a person typed on a purchase, payment or return, checked (pure: no Flask, no database).

Each `clean_*` returns (values, errors) with Indonesian messages per field; nothing is saved when
errors is not empty.
"""
import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

from ..money import MoneyError, parse_rupiah
from ..refusal import Refusal
from .models import PAYMENTS, SUPPLIER_KINDS
from ..i18n import _

MAX_QTY = 1_000_000
MAX_LINES = 300
MAX_DUE_DAYS = 366


class PurchaseRefused(Refusal):
    """A purchase, supplier payment, return or consignment act refused (nothing is saved)."""


def check_doc_uuid(value) -> str:
    """The UUID a form was rendered with (a second submit of the same form is found by it)."""
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise PurchaseRefused(_("Formulir tidak lengkap: muat ulang halaman lalu isi lagi."), "_") from None


def text(value, limit=None) -> str:
    clean = " ".join(str(value or "").split())
    return clean[:limit] if limit else clean


def parse_date(value):
    raw = text(value)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return "invalid"


def parse_qty(value):
    raw = text(value).replace(".", "")
    if not raw.lstrip("-").isdigit():
        raise ValueError(_("Jumlah harus bilangan bulat."))
    qty = int(raw)
    if not 0 <= qty <= MAX_QTY:
        raise ValueError(_('Jumlah 0 sampai %(MAX_QTY)s.', MAX_QTY=MAX_QTY))
    return qty


def parse_percent(value):
    """A commission like '15' or '12,5' (percent, 0–100) as Decimal; None when empty."""
    raw = text(value).replace("%", "").replace(",", ".")
    if not raw:
        return None
    try:
        percent = Decimal(raw)
    except InvalidOperation:
        raise ValueError(_("Komisi persen tidak valid, mis. 15 atau 12,5.")) from None
    if not Decimal(0) <= percent <= Decimal(100) or percent != percent.quantize(Decimal("0.01")):
        raise ValueError(_("Komisi persen 0–100 dengan paling banyak dua angka desimal."))
    return percent


def money(value, field, label, errors, required=True):
    try:
        return parse_rupiah(text(value) if text(value) else ("" if required else "0"), field=field)
    except MoneyError as exc:
        errors[field] = f"{label}: {exc}"
        return 0


def clean_supplier(form) -> tuple[dict, dict]:
    errors = {}
    values = {"name": text(form.get("name"), 120), "kind": text(form.get("kind")),
              "contact_person": text(form.get("contact_person"), 120), "phone": text(form.get("phone"), 40),
              "address": text(form.get("address"), 500), "bank_name": text(form.get("bank_name"), 60),
              "bank_account": text(form.get("bank_account"), 40).replace(" ", ""),
              "bank_holder": text(form.get("bank_holder"), 120), "note": text(form.get("note"), 1000)}
    if len(values["name"]) < 2:
        errors["name"] = _("Nama pemasok minimal 2 huruf.")
    if values["kind"] not in SUPPLIER_KINDS:
        errors["kind"] = _("Pilih jenis pemasok.")
    if values["bank_account"] and not values["bank_account"].replace("-", "").isdigit():
        errors["bank_account"] = _("Nomor rekening hanya angka (boleh tanda hubung).")
    return values, errors


def clean_header(form, today) -> tuple[dict, dict]:
    """The purchase's header: supplier, the supplier's invoice number and date, payment, due date."""
    errors = {}
    supplier = text(form.get("supplier_id"))
    values = {"supplier_id": int(supplier) if supplier.isdigit() else None,
              "invoice_no": text(form.get("invoice_no"), 60), "payment": text(form.get("payment")) or "cash",
              "note": text(form.get("note"), 1000), "from_drawer": form.get("from_drawer") == "1"}
    for field in ("invoice_date", "due_date"):
        values[field] = parse_date(form.get(field))
        if values[field] == "invalid":
            errors[field] = _("Tanggal tidak valid.")
            values[field] = None
    if values["invoice_date"] and values["invoice_date"] > today:
        errors["invoice_date"] = _("Tanggal faktur belum terjadi.")
    if values["payment"] not in PAYMENTS:
        errors["payment"] = _("Pilih cara bayar.")
    return values, errors


def check_postable(kind, header, supplier, lines, today) -> None:
    """The rules a document must meet when it is posted (PurchaseRefused names the field)."""
    if not lines:
        raise PurchaseRefused(_("Faktur belum punya baris barang."), "lines")
    if len(lines) > MAX_LINES:
        raise PurchaseRefused(_('Paling banyak %(n)s baris per faktur.', n=MAX_LINES), "lines")
    if any(line.qty <= 0 for line in lines):
        raise PurchaseRefused(_("Setiap baris harus berjumlah lebih dari 0 (hapus baris yang tidak dipakai)."), "lines")
    if kind == "consignment":
        if supplier is None:
            raise PurchaseRefused(_("Barang titipan harus dari pemasok (produsen) tertentu."), "supplier_id")
        return
    if header["payment"] == "credit":
        if supplier is None:
            raise PurchaseRefused(_("Pembelian kredit harus atas nama pemasok."), "supplier_id")
        due = header["due_date"]
        if due is None:
            raise PurchaseRefused(_("Pembelian kredit perlu tanggal jatuh tempo."), "due_date")
        if due < (header["invoice_date"] or today) or (due - today).days > MAX_DUE_DAYS:
            raise PurchaseRefused(_("Jatuh tempo antara tanggal faktur dan satu tahun ke depan."), "due_date")
    if supplier is not None and not supplier.active:
        raise PurchaseRefused(_('Pemasok %(name)s sudah nonaktif.', name=supplier.name), "supplier_id")
