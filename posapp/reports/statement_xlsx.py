"""The statements as one XLSX workbook: a sheet each, real numbers (#,##0), text never a formula."""
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.page import PageMargins

from ..formula_guard import xlsx_text

MONEY = "#,##0"
BOLD = {"head": Font(bold=True), "total": Font(bold=True), "grand": Font(bold=True, size=12)}


def text_cell(ws, row, column, value):
    """A text cell that Excel shows as typed, even when it starts with = + - @ (never run as a formula)."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        xlsx_text(cell, value)
    else:
        cell.value = value
    return cell


def _sheet(wb, statement, shop_name, first):
    ws = wb.active if first else wb.create_sheet()
    ws.title = statement.title.split(" (")[0][:31]
    text_cell(ws, 1, 1, shop_name).font = Font(bold=True, size=13)
    text_cell(ws, 2, 1, statement.title).font = Font(bold=True, size=12)
    text_cell(ws, 3, 1, statement.period)
    text_cell(ws, 5, 1, "Uraian").font = Font(bold=True)
    text_cell(ws, 5, 2, "Kode akun").font = Font(bold=True)
    text_cell(ws, 5, 3, "Jumlah (Rp)").font = Font(bold=True)
    for number, row in enumerate(statement.rows, start=6):
        label = text_cell(ws, number, 1, row.label)
        label.alignment = Alignment(indent=row.level * 2)
        if row.style in BOLD:
            label.font = BOLD[row.style]
        if row.code:
            text_cell(ws, number, 2, row.code)
        if row.amount is not None:
            amount = ws.cell(row=number, column=3, value=int(row.amount))
            amount.number_format = MONEY
            if row.style in BOLD:
                amount.font = BOLD[row.style]
    ws.column_dimensions["A"].width = 52
    ws.column_dimensions["B"].width = 11
    ws.column_dimensions["C"].width = 18
    ws.freeze_panes = "A6"
    ws.print_title_rows = "5:5"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)


def statements_xlsx(statements, shop_name: str) -> bytes:
    wb = Workbook()
    for index, statement in enumerate(statements):
        _sheet(wb, statement, shop_name, index == 0)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
