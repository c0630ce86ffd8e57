"""The statements as one PDF (A4 portrait): header on every page, "Halaman x dari y", signatures."""
import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..money import format_number
from .export_pdf import _fonts, _numbered

WEIGHT = {"head": True, "total": True, "grand": True}


def _amount(value) -> str:
    if value is None:
        return ""
    return f"({format_number(-value)})" if value < 0 else format_number(value)


def _table(statement, regular, bold):
    style = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11)
    strong = ParagraphStyle("strong", parent=style, fontName=bold)
    data = [[Paragraph(f"<b>{escape(statement.title)}</b>", strong), ""],
            [Paragraph(escape(statement.period), style), ""], ["Uraian", "Jumlah (Rp)"]]
    commands = [("FONT", (0, 0), (-1, -1), regular, 9), ("FONT", (0, 2), (-1, 2), bold, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("LINEBELOW", (0, 2), (-1, 2), 0.8, colors.black)]
    for number, row in enumerate(statement.rows, start=3):
        indent = "&nbsp;" * (4 * row.level)
        data.append([Paragraph(indent + escape(row.label), strong if row.style in WEIGHT else style),
                     _amount(row.amount)])
        if row.style in ("total", "grand"):
            commands += [("FONT", (1, number), (1, number), bold, 9),
                         ("LINEABOVE", (1, number), (1, number), 0.5 if row.style == "total" else 1, colors.black)]
    table = Table(data, colWidths=[125 * mm, 45 * mm], repeatRows=3)
    table.setStyle(TableStyle(commands))
    return table


def statements_pdf(statements, shop_name: str, printed_at, closed_note="") -> bytes:
    regular, bold = _fonts()
    header = [f"Laporan Keuangan — {shop_name}",
              f"Dicetak {printed_at:%d-%m-%Y %H:%M} WIB. {closed_note}".strip()]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=26 * mm,
                            bottomMargin=16 * mm, title=f"Laporan keuangan {shop_name}")
    story = []
    for index, statement in enumerate(statements):
        if index:
            story.append(PageBreak())
        story += [_table(statement, regular, bold), Spacer(1, 14 * mm), _signatures(regular)]
    doc.build(story, canvasmaker=_numbered(header, A4))
    return out.getvalue()


def _signatures(regular):
    table = Table([["Mengetahui,", "Dibuat oleh,"], ["Ketua Koperasi", "Bendahara / Manajer"], ["", ""], ["", ""],
                   ["(....................)", "(....................)"]], colWidths=[85 * mm, 85 * mm])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 9), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table
