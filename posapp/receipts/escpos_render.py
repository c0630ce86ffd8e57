"""Document → ESC/POS bytes with python-escpos's Dummy printer (rendered fully, sent later in one write).

Text goes out in one pinned code page (CP437), one character per column, so cheap clone printers
print exactly the layout. A character the code page has is kept (`·`, `½`, `é`); any other is
transliterated with anyascii (ISC licence; `…` → `...`, `“` → `"`), never sent as `?`; a row that a
transliteration made too long is laid out again. QR and barcode data go out as ASCII. 58 mm paper uses a
generic 58 mm profile (QR as an image); 80 mm uses the TM-T20II profile (native QR and barcodes).
"""
import contextlib
import io
import unicodedata
from dataclasses import replace
from functools import lru_cache

import qrcode
from anyascii import anyascii

from .document import pair_rows, text_rows
from .escpos_cache import capabilities, dummy_printer

CODE_PAGE = "CP437"
PROFILES = {32: "POS-5890", 48: "TM-T20II"}
COLUMNS = {58: 32, 80: 48}
QR_MODULE_DOTS = 6


@lru_cache(maxsize=8)
def _python_codec(code_page: str) -> str:
    """The Python codec python-escpos encodes this code page with."""
    capabilities()  # through the cache: escpos.codepages loads the capabilities on import
    from escpos.codepages import CodePages
    return CodePages.get_encoding(code_page)["python_encode"]


@lru_cache(maxsize=4096)
def _in_code_page(ch: str, code_page: str = CODE_PAGE) -> bool:
    """Does the printer's code page have this character? (python-escpos encodes with the same codec.)"""
    try:
        ch.encode(_python_codec(code_page))
    except UnicodeEncodeError:
        return False
    return True


def _ascii(ch: str) -> str:
    """anyascii's transliteration, printable ASCII only (it gives '' for what it does not know)."""
    return "".join(c for c in anyascii(ch) if " " <= c <= "~")


def to_code_page(text: str, code_page: str = CODE_PAGE) -> str:
    """Text the printer can print: characters of the code page kept, others transliterated, no control codes."""
    out = []
    for ch in unicodedata.normalize("NFC", text):  # é as one character, which CP437 has
        if ch.isspace() or not ch.isprintable():
            out.append(" ")
        elif _in_code_page(ch, code_page):
            out.append(ch)
        else:
            out.append(_ascii(ch))
    return "".join(out)


def to_ascii(text: str) -> str:
    """QR and barcode data: printable ASCII, transliterated where needed."""
    return "".join(" " if ch.isspace() else _ascii(ch) for ch in unicodedata.normalize("NFC", text))


def printable_rows(row, width) -> list:
    """The text row in the code page; one that a transliteration made too long is laid out again."""
    mapped = replace(row, text=to_code_page(row.text), right=to_code_page(row.right))
    if len(mapped.as_text(width)) <= mapped.columns(width):
        return [mapped]
    if mapped.right:
        return pair_rows(mapped.text, mapped.right, width, bold=row.bold, double=row.double)
    return text_rows(mapped.text, width, row.align, row.bold, row.double)


def profile_for(width: int):
    """A stock profile whose code page table is pinned to CP437 at index 0 (ESC t 0).

    Stock 58 mm profiles map CP437 to table 52, which cheap clones do not all know; table 0 is
    CP437 on every ESC/POS printer.
    """
    escpos_capabilities = capabilities()
    base = escpos_capabilities.get_profile_class(PROFILES[48] if width > 32 else PROFILES[32])
    data = dict(base.profile_data, codePages={"0": CODE_PAGE})
    profile = escpos_capabilities.Profile(columns=data["fonts"]["0"]["columns"], features=dict(data["features"]))
    profile.profile_data = data
    return profile


def to_escpos_bytes(document, settings=None) -> bytes:
    """All bytes of one print job: init, pinned code page, rows, optional drawer pulse and cut."""
    autocut = getattr(settings, "autocut", True)
    drawer = getattr(settings, "drawer_pulse", False) and document.open_drawer
    printer = dummy_printer(profile=profile_for(document.width))
    printer.hw("INIT")
    printer.charcode(CODE_PAGE)
    if drawer:
        printer.cashdraw(2)  # first, so the drawer opens while the receipt prints
    for row in document.rows:
        _row(printer, row, document.width)
    _finish(printer, autocut)
    return printer.output


def _row(printer, row, width):
    if row.kind == "qr":
        _qr(printer, row.text)
    elif row.kind == "barcode":
        _barcode(printer, row.text)
    else:
        for line in printable_rows(row, width):
            printer.set(align="left", bold=line.bold, normal_textsize=not line.double,
                        double_width=line.double, double_height=line.double)
            printer.textln(line.as_text(width))


def _qr(printer, data):
    if printer.profile.supports("qrCode"):
        printer.set(align="center")
        printer.qr(to_ascii(data), size=QR_MODULE_DOTS, native=True)
        printer.set(align="left")
        return
    code = qrcode.QRCode(box_size=QR_MODULE_DOTS, border=1,
                         error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(to_ascii(data))
    code.make(fit=True)
    printer.image(code.make_image().get_image().convert("RGB"), center=True)


def _barcode(printer, data):
    data = to_ascii(data)
    with contextlib.redirect_stdout(io.StringIO()):  # python-escpos prints which renderer it used
        if printer.profile.supports("barcodeB"):
            printer.barcode("{B" + data, "CODE128", function_type="B", width=2, align_ct=True)
        else:
            printer.barcode(data, "CODE128", width=2, align_ct=True, force_software=True)
    printer.set(align="left")


def _finish(printer, autocut):
    printer.set(align="left", bold=False, normal_textsize=True)
    if not autocut:
        printer.print_and_feed(4)  # up to the tear bar
    elif printer.profile.supports("paperPartCut") or printer.profile.supports("paperFullCut"):
        printer.cut(mode="PART")
    else:
        # generic 58 mm profiles do not declare a cutter; GS V 66 feeds and cuts where there is one
        printer.print_and_feed(3)
        printer.cut(feed=False)
