"""The counter part of a day's document numbers (`…-YYYYMMDD-NNNN`) that still sorts right as text (pure).

Up to 9,999 a day the counter is the four digits every shop already has on its receipts, journals and
Samsat slips (nothing changes, no old number is rewritten). Past 9,999 plain digits would sort wrong
as text ("10000" < "9999" in a list, an Excel sort, a file name), so a longer counter gets a capital
letter saying how many digits follow — A for 5, B for 6, … — and still shows the count itself:

    …-0001 … …-9999 < …-A10000 … …-A99999 < …-B100000 …

Digits sort before capitals in every collation the numbers meet (SQLite, PostgreSQL, Excel, Python),
so text order is number order on any day, and `serial_value` reads the count back from either form.
"""
import re

_SERIAL = re.compile(r"([A-Z]?)([0-9]{4,})")


def day_serial(number: int) -> str:
    """1 → '0001', 9999 → '9999', 10000 → 'A10000', 123456 → 'B123456'."""
    if number < 1:
        raise ValueError("a document counter starts at 1")
    if number < 10_000:
        return f"{number:04d}"
    digits = str(number)
    return chr(ord("A") + len(digits) - 5) + digits


def serial_value(text: str) -> int:
    """The count in a serial or a whole document number: 'KOP01-20261124-A10001' → 10001."""
    match = _SERIAL.fullmatch(text.rsplit("-", 1)[-1])
    if match is None:
        raise ValueError(f"not a document number: {text!r}")
    return int(match.group(2))
