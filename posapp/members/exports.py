"""Tables as files for Excel and paper: CSV for Excel Indonesia, XLSX, A4 PDF (ledger.md's formats).

Used by the member, wallet and SHU reports: rows are lists of plain values (int rupiah, str, date).
"""
import csv
import io
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from ..money import format_number

FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA) else value


def csv_bytes(rows) -> bytes:
    """`;` separated, UTF-8 with BOM, plain integers, text that Excel would run as a formula kept as text."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date) else _text(str(v))
                         if not isinstance(v, int) or isinstance(v, bool) else str(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(title: str, heading: list, header: list, rows: list, widths=()) -> bytes:
    """One sheet: heading lines, a bold frozen header row, numbers as #,##0, dates as dates, fit to width."""
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for line in heading:
        ws.append([line])
    ws.append(header)
    header_row = ws.max_row
    for row in rows:
        ws.append([_text(v) for v in row])
    for cells in ws.iter_rows(min_row=header_row + 1):
        for cell in cells:
            if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, (date, datetime)):
                cell.number_format = "dd/mm/yyyy"
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    if heading:
        ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for index, width in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def fonts() -> tuple[str, str]:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONTS / "DejaVuSans.ttf")))
    if "DejaVuSans-Bold" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    return "DejaVuSans", "DejaVuSans-Bold"


def _canvas(heading, page):
    class Numbered(Canvas):
        """Draws the heading on every page and "Halaman x dari y" once the page count is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self._pages:
                self.__dict__.update(state)
                width, height = page
                self.setFont("DejaVuSans-Bold", 11)
                self.drawString(15 * mm, height - 12 * mm, heading[0])
                self.setFont("DejaVuSans", 8.5)
                for i, text in enumerate(heading[1:], start=1):
                    self.drawString(15 * mm, height - 12 * mm - i * 4.2 * mm, text)
                self.drawRightString(width - 15 * mm, 8 * mm, f"Halaman {self._pageNumber} dari {len(self._pages)}")
                super().showPage()
            super().save()
    return Numbered


def _cell(value, style):
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value)
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return Paragraph(escape("" if value is None else str(value)), style)


def pdf_bytes(heading: list, header: list, rows: list, widths=None, wide=False, footer_rows=()) -> bytes:
    """An A4 table: the heading and the table header on every page, numbers right-aligned."""
    regular, bold = fonts()
    page = landscape(A4) if wide else A4
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=page, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=(16 + 4.2 * len(heading)) * mm, bottomMargin=15 * mm, title=heading[0])
    style = ParagraphStyle("cell", fontName=regular, fontSize=8, leading=9.5)
    body = [header] + [[_cell(v, style) for v in row] for row in [*rows, *footer_rows]]
    table = Table(body, repeatRows=1, colWidths=[w * mm for w in widths] if widths else None)
    numeric = [i for i in range(len(header)) if rows and all(isinstance(r[i], int) and not isinstance(r[i], bool)
                                                             for r in rows if i < len(r) and r[i] is not None)]
    commands = [("FONT", (0, 0), (-1, -1), regular, 8), ("FONT", (0, 0), (-1, 0), bold, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]
    commands += [("ALIGN", (i, 0), (i, -1), "RIGHT") for i in numeric]
    if footer_rows:
        commands += [("LINEABOVE", (0, -len(footer_rows)), (-1, -len(footer_rows)), 0.5, colors.black),
                     ("FONT", (0, -len(footer_rows)), (-1, -1), bold, 8)]
    table.setStyle(TableStyle(commands))
    doc.build([table], canvasmaker=_canvas(heading, page))
    return out.getvalue()
