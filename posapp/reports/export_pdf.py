"""PDF of the buku kas harian (reportlab): page header on every page, "Halaman x dari y"."""
import io
from xml.sax.saxutils import escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..money import format_number
from .sheet import TABLE_HEADER, beside_rows, category_rows, count_rows, movement_rows

FONTS = Path(__file__).resolve().parents[2] / "static" / "fonts"
PAGE = landscape(A4)


def _fonts() -> tuple[str, str]:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONTS / "DejaVuSans.ttf")))
        bold = FONTS / "DejaVuSans-Bold.ttf"
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold if bold.exists() else FONTS / "DejaVuSans.ttf")))
    return "DejaVuSans", "DejaVuSans-Bold"


def _numbered(header_lines, page=PAGE):
    """A canvas that knows the page count once the document is done ("Halaman x dari y")."""
    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total):
            width, height = page
            self.setFont("DejaVuSans-Bold", 11)
            self.drawString(15 * mm, height - 12 * mm, header_lines[0])
            self.setFont("DejaVuSans", 8.5)
            for i, text in enumerate(header_lines[1:], start=1):
                self.drawString(15 * mm, height - 12 * mm - i * 4.2 * mm, text)
            self.drawRightString(width - 15 * mm, 8 * mm, f"Halaman {self._pageNumber} dari {total}")
    return NumberedCanvas


def _money(value):
    return "" if value is None or value == "" else format_number(value) if isinstance(value, int) else str(value)


def _table_rows(book, style, number_style):
    rows = [TABLE_HEADER]
    for row in movement_rows(book):
        time = row[0].strftime("%H:%M") if row[0] else ""
        # document and journal numbers wrap inside their column instead of running over the next one
        rows.append([time, Paragraph(escape(row[1]), number_style), Paragraph(escape(row[2]), number_style),
                     Paragraph(escape(row[3]), style), row[4], *(_money(v) for v in row[5:])])
    return rows


def book_pdf(book) -> bytes:
    regular, bold = _fonts()
    status = "FINAL" if book["final"] else "SEMENTARA (hari belum ditutup)"
    header = [f"Buku Kas Harian — {book['shop_name']}",
              f"Unit: {book['unit']}   Tanggal: {book['day']:%d-%m-%Y}   Status: {status}",
              f"Ditutup oleh: {book['closed_by'] or '-'}   Dicetak: {book['printed_at']:%d-%m-%Y %H:%M} WIB"]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=28 * mm,
                            bottomMargin=15 * mm, title=f"Buku kas {book['day']:%d-%m-%Y}")
    style = ParagraphStyle("cell", fontName=regular, fontSize=8, leading=9.5)
    number_style = ParagraphStyle("number", parent=style, wordWrap="CJK")  # breaks inside a long number
    table = Table(_table_rows(book, style, number_style), repeatRows=1,
                  colWidths=[14 * mm, 44 * mm, 34 * mm, 81 * mm, 24 * mm, 25 * mm, 25 * mm, 26 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 8), ("FONT", (0, 0), (-1, 0), bold, 8),
        ("ALIGN", (5, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("LINEABOVE", (0, -2), (-1, -2), 0.5, colors.black),
        ("FONT", (0, -2), (-1, -1), bold, 8)]))
    # the categories stay together, and so do the cash count and the signature lines
    story = [table, Spacer(1, 6 * mm),
             KeepTogether([_summary_table([*category_rows(book), [], *beside_rows(book)], regular, bold)]),
             Spacer(1, 4 * mm), KeepTogether([_summary_table(count_rows(book), regular, bold)])]
    doc.build(story, canvasmaker=_numbered(header))
    return out.getvalue()


def _summary_cells(row) -> list[str]:
    """A summary row of reports.sheet as [label, Masuk, Keluar, Saldo, signature]: the same figures as the XLSX."""
    if len(row) > 5:
        return [str(row[0]), *(_money(row[i]) if i < len(row) else "" for i in (5, 6, 7)), ""]
    note = str(row[1]) if len(row) == 2 else ""
    return [str(row[0]) if row else "", note, "", "", str(row[3]) if len(row) > 3 else ""]


def _summary_table(source, regular, bold):
    rows = [_summary_cells(r) for r in source]
    table = Table(rows, colWidths=[95 * mm, 30 * mm, 30 * mm, 30 * mm, 65 * mm], hAlign="LEFT")
    headers = [i for i, r in enumerate(source) if len(r) > 5 and isinstance(r[5], str)]  # "Masuk"/"Jumlah" heads
    notes = [i for i, r in enumerate(source) if len(r) == 2]  # "belum dihitung": one text across the figures
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 8.5), ("ALIGN", (1, 0), (3, -1), "RIGHT"),
                               *(("FONT", (0, i), (-1, i), bold, 8.5) for i in headers),
                               *(("SPAN", (1, i), (4, i)) for i in notes), *(("ALIGN", (1, i), (1, i), "LEFT") for i in notes)]))
    return table
