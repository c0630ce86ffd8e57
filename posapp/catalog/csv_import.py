"""Read and check a product CSV (pure: no Flask, no database).

`read_csv` refuses a file that is not usable at all (ImportRefused); `check_rows` validates every
row against the file itself and a snapshot of the database, and returns per-row errors. The
caller saves only when there is no error at all.
"""
import csv
import io
from dataclasses import dataclass, field

from ..refusal import Refusal
from .validation import clean_product, parse_qty, text
from ..i18n import _

# CSV header -> product form key; "stok_awal" is the opening stock of a new product.
COLUMNS = {
    "nama": "name", "sku": "sku", "barcode": "barcode", "kategori": "category", "satuan": "unit",
    "harga": "price", "hpp": "cost", "modal": "cost", "harga_anggota": "member_price",
    "stok_minimum": "min_stock", "sertifikat_halal": "halal_cert", "pesantren": "pesantren",
    "kurasi_opop": "opop_curated", "stok_awal": "opening_stock",
}
REQUIRED = ("nama", "sku", "harga")
HEADER_OF = {"name": "nama", "sku": "sku", "barcode": "barcode", "category": "kategori", "unit": "satuan",
             "price": "harga", "cost": "hpp", "member_price": "harga_anggota", "min_stock": "stok_minimum",
             "halal_cert": "sertifikat_halal", "pesantren": "pesantren", "opop_curated": "kurasi_opop",
             "opening_stock": "stok_awal"}
TEXT_EXTENSIONS = (".csv", ".txt")
# What browsers send for a .csv (Windows with Excel installed says vnd.ms-excel).
TEXT_MIMETYPES = ("application/csv", "application/vnd.ms-excel", "application/octet-stream")
BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8")


class ImportRefused(Refusal):
    """The file as a whole cannot be imported; the message says why."""


@dataclass
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    data: dict  # form key -> raw cell text, only for the columns the file has


@dataclass
class Checked:
    products: list = field(default_factory=list)  # (row number, sku, values, opening stock, is_new)
    errors: list = field(default_factory=list)  # (row number, column, message)


def decode(filename: str, content: bytes, max_bytes: int, mimetype: str = "") -> str:
    """The file's text, or ImportRefused for a wrong type, size, encoding or an empty file."""
    name = (filename or "").lower()
    if mimetype and not (mimetype.startswith("text/") or mimetype in TEXT_MIMETYPES):
        raise ImportRefused(_('Jenis berkas %(mimetype)s bukan CSV. Unggah berkas .csv (teks).', mimetype=mimetype))
    if not name.endswith(TEXT_EXTENSIONS):
        kind = name.rsplit(".", 1)[-1] if "." in name else _("tanpa ekstensi")
        raise ImportRefused(_('Berkas .%(kind)s bukan CSV. Di Excel pilih «Simpan sebagai» → «CSV UTF-8».', kind=kind))
    if len(content) > max_bytes:
        raise ImportRefused(_('Berkas terlalu besar (maksimal %(value)s KB). Bagi menjadi beberapa berkas.',
                              value=max_bytes // 1024))
    if content.startswith(BINARY_MAGIC) or b"\x00" in content:  # a NUL anywhere: no database stores it
        raise ImportRefused(_("Isi berkas bukan teks CSV (berkas biner, mis. .xlsx yang diganti namanya)."))
    try:
        body = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(_("Berkas bukan UTF-8. Di Excel pilih «Simpan sebagai» → «CSV UTF-8».")) from None
    if not body.strip():
        raise ImportRefused(_("Berkas kosong."))
    return body


def sniff_delimiter(header_line: str) -> str:
    """Comma, semicolon (Excel in Indonesian) or tab: whichever the header uses most."""
    return max((";", ",", "\t"), key=header_line.count)


def header_key(name: str) -> str:
    return "_".join(text(name).lower().replace("-", "_").split())


def read_csv(body: str, max_rows: int) -> list[Row]:
    """Split the text into rows keyed by form field; ImportRefused for a bad header or too many rows."""
    first_line = body.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        header = [header_key(h) for h in next(reader)]
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise ImportRefused(_('Kolom tidak dikenal: %(items)s. Kolom yang dikenal: %(known)s.',
                                  items=', '.join(unknown), known=', '.join(COLUMNS)))
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ImportRefused(_('Kolom wajib tidak ada: %(items)s.', items=', '.join(missing)))
        keys = [COLUMNS.get(h) for h in header]
        if len([k for k in keys if k]) != len({k for k in keys if k}):
            raise ImportRefused(_("Ada kolom yang tertulis dua kali (hpp dan modal dihitung sama)."))
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= max_rows:
                raise ImportRefused(_('Terlalu banyak baris (maksimal %(max_rows)s). Bagi menjadi beberapa berkas.',
                                      max_rows=max_rows))
            extra = cells[len(keys):]
            data = {k: c for k, c in zip(keys, cells) if k}
            if any(c.strip() for c in extra):
                data["_extra"] = "x"
            rows.append(Row(number, data))
    except csv.Error as exc:
        raise ImportRefused(_('Berkas CSV rusak: %(error)s.', error=exc)) from None
    if not rows:
        raise ImportRefused(_("Berkas hanya berisi judul kolom, tanpa baris produk."))
    return rows


def check_rows(rows: list[Row], existing: dict, barcode_owner: dict) -> Checked:
    """Validate every row. `existing`: sku -> current form values of that product; `barcode_owner`:
    barcode -> sku of the product that has it in the database."""
    result = Checked()
    seen_sku, seen_barcode = {}, {}
    for row in rows:
        if "_extra" in row.data:
            result.errors.append((row.number, "", _("Baris ini punya lebih banyak sel daripada judul kolom.")))
            continue
        sku = text(row.data.get("sku")).upper()
        current = existing.get(sku)
        values, errors = clean_product({**(current or {}), **row.data})
        errors = {HEADER_OF.get(k, k): m for k, m in errors.items()}
        opening = _opening_stock(row.data.get("opening_stock"), current is not None, errors)
        if sku and sku in seen_sku:
            errors.setdefault("sku", _('SKU sama dengan baris %(row)s.', row=seen_sku[sku]))
        seen_sku.setdefault(sku, row.number)
        barcode = values.get("barcode")
        if barcode and "barcode" not in errors:
            if barcode in seen_barcode:
                errors["barcode"] = _('Barcode sama dengan baris %(row)s.', row=seen_barcode[barcode])
            elif barcode_owner.get(barcode, sku) != sku:
                errors["barcode"] = _('Barcode sudah dipakai produk SKU %(sku)s.', sku=barcode_owner[barcode])
            seen_barcode.setdefault(barcode, row.number)
        result.errors.extend((row.number, column, message) for column, message in errors.items())
        if not errors:
            result.products.append((row.number, values["sku"], values, opening, current is None))
    return result


def _opening_stock(raw, exists: bool, errors: dict) -> int:
    if not text(raw):
        return 0
    try:
        qty = parse_qty(raw)
    except ValueError as exc:
        errors["stok_awal"] = str(exc)
        return 0
    if qty and exists:
        errors["stok_awal"] = _("Produk sudah ada: stok awal hanya untuk produk baru (pakai «Terima barang»).")
    return qty


def template_csv() -> str:
    """A template people can open in Excel: semicolon separated, with one example row."""
    header = ["nama", "sku", "barcode", "kategori", "satuan", "harga", "hpp", "harga_anggota",
              "stok_minimum", "sertifikat_halal", "pesantren", "kurasi_opop", "stok_awal"]
    example = ["Kopi Robusta Dampit 200 g", "KOPI-001", "8991234567891", "Kopi", "bks", "35.000", "26.000",
               "33.000", "5", "ID35110000123456", "PP Sunan Drajat", "ya", "24"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([header, example])
    return "\ufeff" + out.getvalue()
