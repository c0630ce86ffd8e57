"""Barcode validation (pure): EAN-13, EAN-8 and UPC-A check digits, or an internal code."""
import re

from ..refusal import Refusal
from ..i18n import _

INTERNAL_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,31}$")


class BarcodeInvalid(Refusal):
    """A barcode that is not a valid EAN-13, EAN-8, UPC-A or internal code (the message says why)."""


def check_digit(body: str) -> int:
    """GS1 check digit for the digits before it (weights 3,1,3,… from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return code.isdigit() and len(code) in (8, 12, 13) and check_digit(code[:-1]) == int(code[-1])


def normalise(code: str) -> str:
    """The stored form: trimmed, upper case, UPC-A as its EAN-13 (leading 0)."""
    code = (code or "").strip().upper()
    if code.isdigit() and len(code) == 12:
        return "0" + code
    return code


def validate(code: str) -> str:
    """Return the normalised barcode or raise BarcodeInvalid with an Indonesian message."""
    code = normalise(code)
    if not code:
        raise BarcodeInvalid(_("Barcode kosong."))
    if code.isdigit() and len(code) in (8, 13):
        if not has_valid_check_digit(code):
            kind = "EAN-8" if len(code) == 8 else "EAN-13/UPC-A"
            raise BarcodeInvalid(_('Digit cek barcode %(kind)s salah: periksa lagi angkanya.', kind=kind))
        return code
    if code.isdigit() and len(code) in (7, 11, 12, 14):
        raise BarcodeInvalid(_("Barcode angka harus 8 (EAN-8), 12 (UPC-A) atau 13 (EAN-13) digit."))
    if not INTERNAL_RE.match(code):
        raise BarcodeInvalid(_("Kode internal 3–32 karakter: huruf, angka dan tanda hubung."))
    return code


def make_ean13(body12: str) -> str:
    """Complete 12 digits with their check digit (used for demo data and in-store codes)."""
    return body12 + str(check_digit(body12))
