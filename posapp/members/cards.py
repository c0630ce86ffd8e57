"""Member cards as a PDF: credit-card size (85.6 × 54 mm), ten to an A4 page, cut marks at the corners.

Each card shows the koperasi, the name, the member number and kind, a QR code and a CODE128 barcode of
the card's code (the number; number-2… after a lost card), drawn by reportlab's own barcode module.
"""
import io

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import createBarcodeDrawing
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .exports import fonts

CARD_W, CARD_H = 85.6 * mm, 53.98 * mm
COLUMNS, ROWS = 2, 5
MARGIN_X = (A4[0] - COLUMNS * CARD_W) / 2
MARGIN_Y = (A4[1] - ROWS * CARD_H) / 2


def _fit(canvas, text, font, size, width):
    """Shrink the font until the text fits the card's width (long names)."""
    while size > 5 and canvas.stringWidth(text, font, size) > width:
        size -= 0.5
    canvas.setFont(font, size)
    return size


def _card(canvas, x, y, member, code, shop_name, title):
    regular, bold = fonts()
    canvas.setLineWidth(0.3)
    canvas.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
    canvas.setFillColorRGB(0.12, 0.35, 0.22)
    canvas.rect(x, y + CARD_H - 11 * mm, CARD_W, 11 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    _fit(canvas, shop_name, bold, 8.5, CARD_W - 8 * mm)
    canvas.drawString(x + 4 * mm, y + CARD_H - 5.5 * mm, shop_name)
    canvas.setFont(regular, 7)
    canvas.drawString(x + 4 * mm, y + CARD_H - 9 * mm, title)
    canvas.setFillColorRGB(0, 0, 0)
    text_width = CARD_W - 36 * mm
    _fit(canvas, member.name, bold, 10, text_width)
    canvas.drawString(x + 4 * mm, y + CARD_H - 17 * mm, member.name)
    canvas.setFont(regular, 8)
    canvas.drawString(x + 4 * mm, y + CARD_H - 22 * mm, f"No. {member.number}")
    canvas.drawString(x + 4 * mm, y + CARD_H - 26 * mm, member.kind_label)
    canvas.drawString(x + 4 * mm, y + CARD_H - 30 * mm, f"Sejak {member.joined_on:%d-%m-%Y}")
    qr = QrCodeWidget(code, barLevel="M")
    left, bottom, right, top = qr.getBounds()
    size = 26 * mm
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(qr)
    renderPDF.draw(drawing, canvas, x + CARD_W - size - 3 * mm, y + CARD_H - size - 13 * mm)
    barcode = createBarcodeDrawing("Code128", value=code, barHeight=9 * mm, barWidth=0.3 * mm, humanReadable=True,
                                   fontName=regular, fontSize=7)
    scale = min(1.0, (CARD_W - 8 * mm) / barcode.width)
    canvas.saveState()
    canvas.translate(x + (CARD_W - barcode.width * scale) / 2, y + 2.5 * mm)
    canvas.scale(scale, scale)
    renderPDF.draw(barcode, canvas, 0, 0)
    canvas.restoreState()


def cards_pdf(members, shop_name: str, title="KARTU ANGGOTA KOPERASI") -> bytes:
    """A4 pages of cards for the members' cards in use (members without a usable card are skipped)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setTitle("Kartu anggota")
    printable = [(m, m.card.code) for m in members if m.card is not None]
    for index, (member, code) in enumerate(printable):
        slot = index % (COLUMNS * ROWS)
        if index and slot == 0:
            canvas.showPage()
        column, row = slot % COLUMNS, slot // COLUMNS
        x = MARGIN_X + column * CARD_W
        y = A4[1] - MARGIN_Y - (row + 1) * CARD_H
        _card(canvas, x, y, member, code, shop_name or "Koperasi", title)
    if not printable:
        fonts()
        canvas.setFont("DejaVuSans", 11)
        canvas.drawString(20 * mm, A4[1] - 30 * mm, "Tidak ada kartu aktif untuk dicetak.")
    canvas.save()
    return out.getvalue()
