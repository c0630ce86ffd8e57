"""The receipt document: rows already fitted to a width in characters (pure, no Flask/db).

A row is one printed line (or a QR/barcode). Text rows know their alignment and style; a pair row
has a label on the left and an amount right-aligned. Both renderers (ESC/POS and PDF) draw the same
rows, so what the tests read from the printer bytes is exactly `Document.text_lines()`.
"""
import textwrap
import unicodedata
from dataclasses import dataclass, field

ALIGNS = ("left", "center", "right")


@dataclass(frozen=True)
class Row:
    kind: str = "text"  # text | qr | barcode
    text: str = ""      # text rows: the (left) text; qr/barcode: the data
    right: str = ""     # pair rows: the amount, right-aligned, never broken
    align: str = "left"
    bold: bool = False
    double: bool = False  # double width and height: half the columns

    def columns(self, width: int) -> int:
        return width // 2 if self.double else width

    def as_text(self, width: int) -> str:
        """The row as laid out in `width` printer columns, without trailing spaces."""
        if self.kind != "text":
            return f"[{self.kind.upper()} {self.text}]"
        cols = self.columns(width)
        if self.right:
            return self.text + " " * max(1, cols - len(self.text) - len(self.right)) + self.right
        if self.align == "center":
            return (" " * ((cols - len(self.text)) // 2) + self.text).rstrip()
        if self.align == "right":
            return self.text.rjust(cols)
        return self.text.rstrip()


@dataclass
class Document:
    width: int                      # columns of normal-size text (32 for 58 mm, 48 for 80 mm)
    kind: str = ""                  # sale, refund, samsat, shift, test
    title: str = ""                 # receipt/transaction number; names the PDF
    rows: list = field(default_factory=list)
    open_drawer: bool = False       # pulse the cash drawer (originals of money receipts only)

    def text_lines(self) -> list[str]:
        return [row.as_text(self.width) for row in self.rows]


def clean(text) -> str:
    """One printable character per column: NFC, tabs and control characters become spaces."""
    text = unicodedata.normalize("NFC", "" if text is None else str(text))
    return "".join(ch if ch.isprintable() else " " for ch in text)


def wrap(text: str, cols: int) -> list[str]:
    """Wrap at word boundaries to `cols`, keeping the leading indent; never an empty list."""
    text = clean(text).rstrip()
    body = text.lstrip()
    indent = text[: len(text) - len(body)]
    if len(indent) >= cols // 2:
        indent = ""
    lines = textwrap.wrap(body, cols, initial_indent=indent, subsequent_indent=indent,
                          break_on_hyphens=False)
    return lines or [""]


def text_rows(text, width, align="left", bold=False, double=False) -> list[Row]:
    cols = width // 2 if double else width
    return [Row(text=line, align=align, bold=bold, double=double) for line in wrap(text, cols)]


def pair_rows(label, amount, width, bold=False, double=False) -> list[Row]:
    """Label…amount rows: the label wraps, the amount stays whole on the last row."""
    label, amount = clean(label).rstrip(), clean(amount).strip()
    if not amount:
        return text_rows(label, width, bold=bold, double=double)
    if double and len(label) + 1 + len(amount) > width // 2:
        double = False  # a double-size pair that does not fit one row is printed normal size
    cols = width // 2 if double else width
    if len(amount) >= cols:  # only absurd amounts: better broken than lost
        return text_rows(label, width, bold=bold) + text_rows(amount, width, "right", bold)
    # the label's last row shares the amount's row when it fits; otherwise the amount stands alone
    heads = wrap(label, cols)
    last = heads.pop() if len(heads[-1]) <= cols - len(amount) - 1 else ""
    rows = [Row(text=line, bold=bold, double=double) for line in heads]
    rows.append(Row(text=last, right=amount, bold=bold, double=double))
    return rows


def sep_row(width, char="-") -> Row:
    char = (clean(char).strip() or "-")[0]
    return Row(text=char * width)


def code_row(kind, data) -> Row:
    return Row(kind=kind, text=clean(data).strip(), align="center")
