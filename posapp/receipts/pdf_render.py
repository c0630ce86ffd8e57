"""Document → PDF (reportlab): as wide as the paper, as tall as the content, Unicode font embedded.

The rows are drawn in DejaVu Sans Mono so the PDF has the printer's layout; the QR and barcodes
are vector graphics.
"""
import io
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_DIR = Path(__file__).resolve().parents[2] / "static" / "fonts"
FONTS = {"regular": ("DejaVuSansMono", "DejaVuSansMono.ttf"),
         "bold": ("DejaVuSansMono-Bold", "DejaVuSansMono-Bold.ttf")}
PRINTABLE_MM = {58: 48.0, 80: 72.0}   # what a thermal head actually covers
MONO_ADVANCE = 0.602                  # DejaVu Sans Mono: character width per point of size
QR_MM, BARCODE_MM = 26.0, 12.0
LEADING = 1.3


def _fonts() -> dict:
    """Register the embedded fonts once; fall back to Courier if the files are missing."""
    names = {}
    for style, (name, filename) in FONTS.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            path = FONT_DIR / filename
            if not path.exists():
                names[style] = "Courier-Bold" if style == "bold" else "Courier"
                continue
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names[style] = name
    return names


def paper_for(width: int) -> int:
    return 80 if width > 32 else 58


def to_pdf_bytes(document, paper_mm=None) -> bytes:
    paper_mm = int(paper_mm or paper_for(document.width))
    fonts = _fonts()
    printable = PRINTABLE_MM.get(paper_mm, paper_mm - 8.0) * mm
    margin_x = (paper_mm * mm - printable) / 2
    size = printable / (document.width * MONO_ADVANCE)
    margin_y = 4 * mm
    heights = [_height(row, size) for row in document.rows]
    page_h = 2 * margin_y + sum(heights)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(paper_mm * mm, page_h), invariant=1, pageCompression=1)
    canvas.setTitle(document.title or document.kind)
    y = page_h - margin_y
    for row, height in zip(document.rows, heights):
        y -= height
        _draw(canvas, row, document.width, fonts, size, margin_x, printable, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _height(row, size) -> float:
    if row.kind == "qr":
        return QR_MM * mm + size
    if row.kind == "barcode":
        return BARCODE_MM * mm + size
    return size * LEADING * (2 if row.double else 1)


def _draw(canvas, row, width, fonts, size, left, printable, y):
    if row.kind in ("qr", "barcode"):
        drawing = _qr(row.text) if row.kind == "qr" else _barcode(row.text, printable)
        renderPDF.draw(drawing, canvas, left + (printable - drawing.width) / 2, y + size / 2)
        return
    font_size = size * (2 if row.double else 1)
    canvas.setFont(fonts["bold" if row.bold else "regular"], font_size)
    canvas.drawString(left, y + font_size * (LEADING - 1) / 2 + font_size * 0.2, row.as_text(width))


def _qr(data) -> Drawing:
    widget = QrCodeWidget(data, barLevel="L", barBorder=1)
    x1, y1, x2, y2 = widget.getBounds()
    side = QR_MM * mm
    drawing = Drawing(side, side, transform=[side / (x2 - x1), 0, 0, side / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


def _barcode(data, printable) -> Drawing:
    drawing = createBarcodeDrawing("Code128", value=data, barHeight=(BARCODE_MM - 4) * mm,
                                   humanReadable=True, quiet=False)
    if drawing.width > printable:  # long data: squeeze the bars to the paper
        factor = printable / drawing.width
        drawing.scale(factor, 1)
        drawing.width *= factor
    return drawing
