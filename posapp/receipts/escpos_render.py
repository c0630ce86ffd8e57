"""Document → ESC/POS bytes with python-escpos's Dummy printer (rendered fully, sent later in one write).

Text goes out as plain ASCII in a pinned code page (CP437), one character per column, so cheap clone
printers print exactly the layout. 58 mm paper uses a generic 58 mm profile (QR as an image);
80 mm uses the TM-T20II profile (native QR and barcodes).
"""
import contextlib
import io
import unicodedata

import qrcode

from .escpos_cache import capabilities, dummy_printer

CODE_PAGE = "CP437"
PROFILES = {32: "POS-5890", 48: "TM-T20II"}
COLUMNS = {58: 32, 80: 48}
QR_MODULE_DOTS = 6
FALLBACK = {
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2026": ".", "\u2022": "*", "\u00d7": "x",
    "\u00f7": ":", "\u20ac": "E", "\u00a3": "L", "\u00b0": "o", "\u00df": "s", "\u00e6": "a",
    "\u00c6": "A", "\u00f8": "o", "\u00d8": "O", "\u0111": "d", "\u0110": "D", "\u0142": "l",
    "\u0141": "L", "\u0131": "i",
}


def to_ascii(text: str) -> str:
    """One ASCII character for each character (accents dropped, symbols approximated, else '?')."""
    out = []
    for ch in text:
        if " " <= ch <= "~":
            out.append(ch)
        elif ch in FALLBACK:
            out.append(FALLBACK[ch])
        elif not ch.isprintable() or ch.isspace():
            out.append(" ")
        else:
            base = [c for c in unicodedata.normalize("NFKD", ch) if " " <= c <= "~"]
            out.append(base[0] if len(base) == 1 else "?")
    return "".join(out)


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
        printer.set(align="left", bold=row.bold, normal_textsize=not row.double,
                    double_width=row.double, double_height=row.double)
        printer.textln(to_ascii(row.as_text(width)))


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
