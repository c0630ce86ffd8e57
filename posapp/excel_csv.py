"""CSV for Excel Indonesia: `;` separated, UTF-8 with BOM, plain integers, formula injection guarded.

Used by every CSV the app writes (buku kas, raw journal, stock valuation), on screen and from the CLI.
"""
import csv
import io
from datetime import date, datetime

from .formula_guard import csv_text as safe_text  # text Excel would run as a formula gets an apostrophe


def cell(value, iso_dates=False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds") if iso_dates else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.isoformat() if iso_dates else value.strftime("%d/%m/%Y")
    return safe_text(str(value))


def to_csv(rows, iso_dates=False) -> bytes:
    """The rows as Excel-Indonesia CSV bytes (BOM first); `iso_dates` writes YYYY-MM-DD for machines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell(value, iso_dates) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_csv(binary_stream, rows, iso_dates=False, chunk=2000) -> int:
    """Stream rows to a binary stream (BOM first) a chunk at a time; returns the number of rows written."""
    binary_stream.write("\ufeff".encode("utf-8"))
    out, count = io.StringIO(), 0
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell(value, iso_dates) for value in row])
        count += 1
        if count % chunk == 0:
            binary_stream.write(out.getvalue().encode("utf-8"))
            out.seek(0)
            out.truncate()
    binary_stream.write(out.getvalue().encode("utf-8"))
    return count
