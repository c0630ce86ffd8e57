"""QRIS (EMVCo merchant-presented QR) for one sale: the shop's printed payload with the amount in it.

A shop's static QRIS (point of initiation "11") becomes a dynamic one for one amount: tag 01 = "12",
tag 54 = the amount in whole rupiah, and the CRC (tag 63, CRC-16/CCITT-FALSE over everything before
its value, "6304" included) computed again. Pure: no Flask, no database; the picture is drawn by segno.
"""
import io

import segno
from .i18n import _

MAX_PAYLOAD = 512  # EMVCo limits a merchant-presented payload far below this


class QrisError(ValueError):
    """A payload that is not a readable EMVCo QR (the message says what is wrong, in Indonesian)."""


def crc16(text: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) of the UTF-8 bytes, as four upper-case hex digits."""
    crc = 0xFFFF
    for byte in text.encode("utf-8"):
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def parse(payload: str) -> list[tuple[str, str]]:
    """[(tag, value)] of a payload whose CRC is right; QrisError otherwise."""
    text = (payload or "").strip()
    if not text or len(text) > MAX_PAYLOAD:
        raise QrisError(_("Kode QRIS kosong atau terlalu panjang."))
    fields, at = [], 0
    while at < len(text):
        tag, size = text[at:at + 2], text[at + 2:at + 4]
        if not (tag.isdigit() and size.isdigit()) or at + 4 + int(size) > len(text):
            raise QrisError(_("Kode QRIS tidak terbaca: salin seluruh isi QRIS toko apa adanya."))
        fields.append((tag, text[at + 4:at + 4 + int(size)]))
        at += 4 + int(size)
    if not fields or fields[0] != ("00", "01") or fields[-1][0] != "63":
        raise QrisError(_("Ini bukan kode QRIS (harus diawali 000201 dan diakhiri CRC 6304…)."))
    if crc16(text[:-4]) != text[-4:].upper():
        raise QrisError(_("CRC kode QRIS salah: ada karakter yang berubah saat disalin."))
    return fields


def _join(fields) -> str:
    body = "".join(f"{tag}{len(value):02d}{value}" for tag, value in fields) + "6304"
    return body + crc16(body)


def with_amount(payload: str, amount: int) -> str:
    """The shop's payload as a dynamic QRIS for `amount` rupiah (point of initiation 12, tag 54, new CRC)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise QrisError(_("Jumlah QRIS harus lebih dari Rp 0."))
    fields = [(tag, value) for tag, value in parse(payload) if tag not in ("54", "63")]
    fields = [(tag, "12" if tag == "01" else value) for tag, value in fields]
    if all(tag != "01" for tag, _ in fields):
        fields.insert(1, ("01", "12"))
    # tag 54 in its place among the ascending tags (after 53 currency, before 58 country)
    at = next((i for i, (tag, _) in enumerate(fields) if tag > "54"), len(fields))
    fields.insert(at, ("54", str(amount)))
    return _join(fields)


def merchant_name(payload: str) -> str:
    """The merchant name (tag 59) of a payload, "" when absent."""
    return next((value for tag, value in parse(payload) if tag == "59"), "")


def svg(data: str, scale: int = 4) -> str:
    """The QR code of `data` as an inline SVG (segno), dark on white, with a quiet zone."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="svg", scale=scale, xmldecl=False,
                                                  svgns=True, nl=False, border=4)
    return buffer.getvalue().decode("utf-8")
