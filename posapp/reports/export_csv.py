"""CSV for Excel Indonesia: `;` separated, UTF-8 with BOM, plain integers, formula injection guarded."""
from ..excel_csv import to_csv
from .sheet import book_rows


def book_csv(book) -> bytes:
    return to_csv(book_rows(book)[0])


JOURNAL_HEADER = ["Tanggal", "No. jurnal", "Waktu", "Sumber", "No. dokumen", "UUID jurnal", "Keterangan",
                  "Kode akun", "Nama akun", "Debit", "Kredit", "Memo", "Dibuat oleh", "Membalik jurnal"]


def journal_csv(rows) -> bytes:
    """The raw journal, one line per row (rows from reports.ranges.journal_rows)."""
    return to_csv([JOURNAL_HEADER, *rows])
