"""Rupiah: the only place that parses, rounds and formats money.

Money is integer rupiah everywhere. Percentages and rates are Decimal and come back to
rupiah through `to_rupiah` (ROUND_HALF_UP) only. Never a float.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .refusal import Refusal
from .i18n import _

MAX_AMOUNT = 1_000_000_000_000  # Rp 1 triliun: far above anything a koperasi handles


class MoneyError(Refusal):
    """An amount typed by a person could not be read as rupiah."""


def to_rupiah(value) -> int:
    """Round a Decimal (or int) to whole rupiah, half up."""
    if isinstance(value, float):
        raise TypeError("uang tidak boleh float")
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_of(amount: int, percent) -> int:
    """`percent` % of `amount`, rounded half up: percent_of(1000, Decimal('66')) == 660."""
    return to_rupiah(Decimal(amount) * Decimal(percent) / 100)


_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_rupiah(text, *, allow_negative=False, maximum=MAX_AMOUNT, field=None) -> int:
    """Read an amount as people type it: `40000`, `40.000`, `Rp 40.000`, `40.000,00`."""
    if isinstance(text, bool) or isinstance(text, float):
        raise MoneyError(_("Jumlah uang tidak valid."), field)
    if isinstance(text, int):
        value = text
    else:
        raw = str(text or "").strip()
        cleaned = re.sub(r"(?i)^-?\s*rp\.?\s*", lambda m: "-" if "-" in m.group() else "", raw)
        cleaned = cleaned.replace(" ", "")
        negative = cleaned.startswith("-")
        cleaned = cleaned.lstrip("-")
        if cleaned.endswith(",00") or cleaned.endswith(",0"):
            cleaned = cleaned.rsplit(",", 1)[0]
        if _GROUPED.match(cleaned):
            cleaned = cleaned.replace(".", "")
        if not (cleaned.isascii() and cleaned.isdigit()):  # "²".isdigit() is True, int("²") is not
            raise MoneyError(_("Jumlah uang tidak valid: tulis angka rupiah tanpa sen, mis. 40.000."), field)
        if len(cleaned.lstrip("0")) > len(str(maximum)):
            raise MoneyError(_('Jumlah uang terlalu besar (maksimal %(maximum)s).',
                               maximum=format_rupiah(maximum)), field)
        value = -int(cleaned) if negative else int(cleaned)
    if value < 0 and not allow_negative:
        raise MoneyError(_("Jumlah uang tidak boleh negatif."), field)
    if abs(value) > maximum:
        raise MoneyError(_('Jumlah uang terlalu besar (maksimal %(maximum)s).', maximum=format_rupiah(maximum)), field)
    return value


def format_number(amount: int) -> str:
    """40000 -> '40.000' (Indonesian thousands separator)."""
    return f"{abs(int(amount)):,}".replace(",", ".") if amount >= 0 else "-" + format_number(-amount)


def format_rupiah(amount) -> str:
    """40000 -> 'Rp 40.000'; -2000 -> '-Rp 2.000'; None -> ''."""
    if amount is None:
        return ""
    amount = int(amount)
    if amount < 0:
        return "-Rp " + format_number(-amount)
    return "Rp " + format_number(amount)


def check_integer(value, field="jumlah") -> int:
    """Refuse anything that is not a whole number of rupiah (used for JSON input)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MoneyError(_('%(field)s harus bilangan bulat rupiah.', field=field))
    return value


__all__ = ["MoneyError", "to_rupiah", "percent_of", "parse_rupiah", "format_rupiah",
           "format_number", "check_integer", "MAX_AMOUNT", "InvalidOperation"]
