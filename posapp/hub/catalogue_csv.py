"""`publish-catalogue FILE.csv`: check every row first, publish only when no row has an error."""
import csv
import io

from ..catalog.csv_import import ImportRefused, decode, header_key, sniff_delimiter
from ..catalog.curated_rules import clean_curated
from .catalogue import CatalogueError, current_values, save_item
from .extensions import db
from .models import CuratedProduct

# CSV header -> item key. Columns left out keep the item's current value (e.g. only kode;harga_rekomendasi).
COLUMNS = {"kode": "code", "kode_opop": "code", "sku": "code", "nama": "name", "barcode": "barcode",
           "kategori": "category", "satuan": "unit", "harga_rekomendasi": "recommended_price",
           "pesantren": "pesantren", "sertifikat_halal": "halal_cert", "status": "active", "aktif": "active"}
HEADER_OF = {"code": "kode", "name": "nama", "barcode": "barcode", "category": "kategori", "unit": "satuan",
             "recommended_price": "harga_rekomendasi", "pesantren": "pesantren", "halal_cert": "sertifikat_halal",
             "active": "status"}
MAX_BYTES, MAX_ROWS = 8 * 1024 * 1024, 20_000


def read_rows(filename: str, content: bytes) -> list[tuple[int, dict]]:
    """(row number as a spreadsheet shows it, {item key: cell}); ImportRefused for an unusable file."""
    body = decode(filename, content, MAX_BYTES)
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=sniff_delimiter(body.split("\n", 1)[0]))
    try:
        header = [header_key(h) for h in next(reader)]
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise ImportRefused(f"Kolom tidak dikenal: {', '.join(unknown)}. Kolom yang dikenal: {', '.join(COLUMNS)}.")
        keys = [COLUMNS.get(h) for h in header]
        if "code" not in keys:
            raise ImportRefused("Kolom wajib tidak ada: kode.")
        if len([k for k in keys if k]) != len({k for k in keys if k}):
            raise ImportRefused("Ada kolom yang tertulis dua kali.")
        rows = [(number, {k: c for k, c in zip(keys, cells) if k})
                for number, cells in enumerate(reader, start=2) if any(c.strip() for c in cells)]
    except csv.Error as exc:
        raise ImportRefused(f"Berkas CSV rusak: {exc}.") from None
    if not rows:
        raise ImportRefused("Berkas hanya berisi judul kolom, tanpa baris produk.")
    if len(rows) > MAX_ROWS:
        raise ImportRefused(f"Terlalu banyak baris (maksimal {MAX_ROWS}).")
    return rows


def check_rows(rows) -> tuple[list, list]:
    """([checked values], [(row, column, message)]) against the file itself and the current catalogue."""
    checked, errors, seen_code, seen_barcode = [], [], {}, {}
    for number, data in rows:
        code = " ".join(str(data.get("code") or "").split()).upper()
        if not (data.get("active") or "").strip():
            data = {k: v for k, v in data.items() if k != "active"}  # an empty status keeps the current one
        values, problems = clean_curated({**current_values(db.session.get(CuratedProduct, code)), **data})
        if code in seen_code:
            problems.setdefault("code", f"Kode sama dengan baris {seen_code[code]}.")
        seen_code.setdefault(code, number)
        barcode = values.get("barcode")
        if barcode and "barcode" not in problems:
            if barcode in seen_barcode:
                problems["barcode"] = f"Barcode sama dengan baris {seen_barcode[barcode]}."
            seen_barcode.setdefault(barcode, number)
        errors.extend((number, HEADER_OF.get(k, k), message) for k, message in problems.items())
        if not problems:
            checked.append((number, values))
    return checked, errors


def publish_rows(rows, by: str = "") -> tuple[int, int, list]:
    """(published, unchanged, errors); when errors is not empty nothing must be committed."""
    checked, errors = check_rows(rows)
    if errors:
        return 0, 0, errors
    published = unchanged = 0
    for number, values in checked:
        try:
            item = save_item(values, by)
        except CatalogueError as exc:  # e.g. the barcode belongs to an item this file does not change
            errors.extend((number, HEADER_OF.get(k, k), m) for k, m in exc.errors.items())
            continue
        published, unchanged = (published + 1, unchanged) if item else (published, unchanged + 1)
    return published, unchanged, errors
