"""ESC/POS bytes from python-escpos's Dummy printer, decoded back into text lines."""
import pytest
import qrcode

from posapp.receipts import Document, PrinterSettings, Row, render_document, to_escpos_bytes

from .escpos_decoder import decode
from .test_layout import SALE_32, SALE_48

CUT_FEED = b"\x1dVB\x00"       # GS V 66 0: feed and cut (generic 58 mm)
CUT_PART = b"\x1dV\x01"        # GS V 1: partial cut (TM-T20II)
DRAWER = b"\x1bp\x00"          # ESC p 0 …: pulse on pin 2


def _qr_as_image(lines):
    return [("[IMAGE 384x138]" if line.startswith("[QR ") else line) for line in lines]


@pytest.mark.parametrize("width, expected", [(32, _qr_as_image(SALE_32)), (48, SALE_48)])
def test_sale_bytes_decode_to_the_exact_layout(sale_data, width, expected):
    decoded = decode(to_escpos_bytes(render_document("sale", sale_data, width), PrinterSettings()))
    assert decoded.texts == expected
    assert decoded.codepages == [0] and decoded.inits == 1  # CP437 pinned, ESC t 0
    for line in decoded.lines:
        assert line.columns <= width, line
    total = next(line for line in decoded.lines if line.text.startswith("TOTAL"))
    assert total.bold and total.double


@pytest.mark.parametrize("kind, fixture", [("samsat", "samsat_data"), ("shift", "shift_data")])
@pytest.mark.parametrize("width", [32, 48])
def test_every_printed_line_fits_the_width(request, kind, fixture, width):
    decoded = decode(to_escpos_bytes(render_document(kind, request.getfixturevalue(fixture), width)))
    assert all(line.columns <= width for line in decoded.lines)
    assert len(decoded.lines) > 20


@pytest.mark.parametrize("width, cut", [(32, CUT_FEED), (48, CUT_PART)])
def test_cut_and_drawer_pulse_follow_the_settings(sale_data, width, cut):
    document = render_document("sale", sale_data, width)
    plain = to_escpos_bytes(document, PrinterSettings(autocut=True, drawer_pulse=False))
    assert plain.endswith(cut) and DRAWER not in plain
    both = to_escpos_bytes(document, PrinterSettings(autocut=True, drawer_pulse=True))
    decoded = decode(both)
    assert both.endswith(cut) and decoded.cuts == 1 and decoded.drawer_pulses == 1
    no_cut = decode(to_escpos_bytes(document, PrinterSettings(autocut=False)))
    assert no_cut.cuts == 0 and no_cut.texts == decoded.texts


def test_a_reprint_never_opens_the_drawer(sale_data):
    from datetime import datetime, timezone
    sale_data.copy_printed_at = datetime(2026, 11, 25, tzinfo=timezone.utc)
    data = to_escpos_bytes(render_document("sale", sale_data, 32), PrinterSettings(drawer_pulse=True))
    assert decode(data).drawer_pulses == 0


def test_plain_text_goes_out_one_character_per_column():
    # beyond ASCII: test_code_page (CP437 characters kept, the others transliterated)
    document = Document(width=32, rows=[Row(text="Kue Lapis Legit Nono", right="Rp 15.000")])
    assert decode(to_escpos_bytes(document)).texts == ["Kue Lapis Legit Nono   Rp 15.000"]


def test_the_58mm_qr_image_encodes_the_receipt_number(sale_data):
    decoded = decode(to_escpos_bytes(render_document("sale", sale_data, 32)))
    width, height, raster = decoded.images[0]
    code = qrcode.QRCode(border=1, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data("KOP01-20261124-0042")
    code.make(fit=True)
    matrix = code.get_matrix()
    box = height // len(matrix)
    left = (width - box * len(matrix)) // 2

    def dark(x, y):
        return bool(raster[y * (width // 8) + x // 8] & (0x80 >> (x % 8)))

    for r, row in enumerate(matrix):
        for c, module in enumerate(row):
            assert dark(left + c * box + box // 2, r * box + box // 2) == module


def test_barcodes_print_natively_at_80mm_and_as_an_image_at_58mm():
    document = Document(width=48, rows=[Row(kind="barcode", text="KOP01-42")])
    assert decode(to_escpos_bytes(document)).texts == ["[BARCODE KOP01-42]"]
    document.width = 32
    assert decode(to_escpos_bytes(document)).texts[0].startswith("[IMAGE 384x")
