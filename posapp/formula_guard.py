"""Text a spreadsheet would run as a formula stays text, in CSV and XLSX alike.

A shop name, a product or a note that starts with `= + - @` (or a tab or carriage return) is what
formula injection looks like: Excel would run `=HYPERLINK(...)`. Every export writes text through here.
(openpyxl, not pure: the XLSX helper takes its cell.)
"""
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_text(text: str) -> str:
    """For CSV: a leading apostrophe, so Excel reads the cell as text."""
    return "'" + text if looks_like_formula(text) else text


def xlsx_text(cell, text: str) -> None:
    """For an openpyxl cell: stored as a string (never a formula) and marked quote-prefixed, so Excel
    shows it as text and keeps it text when someone edits the cell. Control characters XLSX cannot hold
    are dropped (openpyxl would refuse the whole file)."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = text
    if looks_like_formula(text):
        cell.data_type = "s"
        cell.quotePrefix = True
