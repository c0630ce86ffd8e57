"""CSV for Excel Indonesia: `;` separated, UTF-8 with BOM, plain integers, formula injection guarded."""
import csv
import io
from datetime import date, datetime

from .formula_guard import csv_text as safe_text  # text Excel would run as a formula gets an apostrophe
from .sheet import book_rows


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return safe_text(str(value))


def to_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def book_csv(book) -> bytes:
    return to_csv(book_rows(book)[0])


JOURNAL_HEADER = ["Tanggal", "No. jurnal", "Waktu", "Sumber", "No. dokumen", "UUID jurnal", "Keterangan",
                  "Kode akun", "Nama akun", "Debit", "Kredit", "Memo", "Dibuat oleh", "Membalik jurnal"]


def journal_csv(rows) -> bytes:
    """The raw journal, one line per row (rows from reports.ranges.journal_rows)."""
    return to_csv([JOURNAL_HEADER, *rows])
