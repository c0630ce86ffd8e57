"""XLSX of the buku kas harian: numbers as numbers (#,##0), dates as dates, table header frozen."""
import io
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from ..formula_guard import xlsx_text
from .sheet import book_rows

MONEY = "#,##0"


def book_xlsx(book) -> bytes:
    rows, header_index, money_columns = book_rows(book)
    wb = Workbook()
    ws = wb.active
    ws.title = f"Kas {book['day']:%d-%m-%Y}"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            target = ws.cell(row=r, column=c)
            if isinstance(value, str):
                xlsx_text(target, value)  # "=HYPERLINK(…)" in a shop name stays text, as in the CSV
            else:
                target.value = value
            if isinstance(value, int) and not isinstance(value, bool):
                target.number_format = MONEY
            elif isinstance(value, datetime):
                target.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(value, date):
                target.number_format = "dd/mm/yyyy"
    for c in range(1, len(rows[header_index]) + 1):
        ws.cell(row=header_index + 1, column=c).font = Font(bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.freeze_panes = ws.cell(row=header_index + 2, column=1)  # everything down to the table header stays
    for letter, width in zip("ABCDEFGH", (17, 22, 18, 42, 14, 14, 14, 16)):
        ws.column_dimensions[letter].width = width
    ws.print_title_rows = f"{header_index + 1}:{header_index + 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
