"""Layout file → Document (pure, no Flask/db).

A layout in the top-level `receipts/` folder is a Jinja template whose output is one directive per
line: `words | value` where the words are a kind (text, wrap, pair, sep, qr, barcode, blank; text
when omitted) and styles (left, center, right, bold, double). See receipts/sale.txt for the full
description. Output lines that are empty or start with `#` are skipped.
"""
import dataclasses
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .. import clock
from ..money import format_number, format_rupiah
from .document import Document, code_row, pair_rows, sep_row, text_rows

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "receipts"
KINDS = {"text", "wrap", "pair", "sep", "qr", "barcode", "blank"}
STYLES = {"left", "center", "right", "bold", "double"}
BREAK = "\x1e"  # a newline inside a value: the directive continues on a new row
DRAWER_KINDS = {"sale", "refund", "samsat", "member", "wallet"}


class LayoutError(ValueError):
    """A layout file cannot be rendered; the message says which file and line."""


def _wib(moment, fmt="%d-%m-%Y %H:%M"):
    if moment is None or moment == "":
        return ""
    if isinstance(moment, datetime):
        return clock.to_wib(moment).strftime(fmt)
    return moment.strftime(fmt) if isinstance(moment, date) else str(moment)


def _qty(value):
    """2 -> '2'; Decimal('1.50') -> '1,5' (Indonesian decimal comma)."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return format(value, "f").replace(".", ",") if value != value.to_integral() else str(int(value))
    return str(value)


def _finalize(value):
    if value is None:
        return ""
    return str(value).replace("\r\n", BREAK).replace("\n", BREAK)


_envs: dict[str, SandboxedEnvironment] = {}


def environment(folder=LAYOUT_DIR) -> SandboxedEnvironment:
    """One sandboxed Jinja environment per folder; it reloads a layout when the file changes."""
    key = str(folder)
    if key not in _envs:
        env = SandboxedEnvironment(loader=FileSystemLoader(key), lstrip_blocks=True,
                                   undefined=StrictUndefined, finalize=_finalize, autoescape=False,
                                   keep_trailing_newline=True)
        env.filters.update(rupiah=format_rupiah, angka=format_number, wib=_wib, qty=_qty)
        _envs[key] = env
    return _envs[key]


def context_of(data) -> dict:
    """The layout's variables: the data's fields at the top level, and `data` itself."""
    if dataclasses.is_dataclass(data):
        values = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    else:
        values = dict(data or {})
    values["data"] = data
    return values


def render_text(kind: str, data, width: int, folder=LAYOUT_DIR) -> str:
    name = f"{kind}.txt"
    try:
        template = environment(folder).get_template(name)
        return template.render(**context_of(data), width=width, kind=kind)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" baris {line}" if line else ""
        raise LayoutError(f"Tata letak struk {name}{where} salah: {exc}") from exc


def parse(text: str, width: int, name="") -> list:
    """The directive lines → rows fitted to `width`."""
    rows = []
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: it splits on BREAK
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rows.extend(directive(line, width))
        except ValueError as exc:
            raise LayoutError(f"Tata letak struk {name} hasil baris {number}: {exc}") from exc
    return rows


def _value(text: str) -> str:
    """One space after `|` belongs to the syntax; more spaces are an indent."""
    return (text[1:] if text.startswith(" ") else text).rstrip()


def directive(line: str, width: int) -> list:
    head, _, rest = line.partition("|")
    words = head.split()
    unknown = [w for w in words if w not in KINDS | STYLES]
    if unknown:
        raise ValueError(f"kata '{unknown[0]}' tidak dikenal (pakai {', '.join(sorted(KINDS | STYLES))})")
    kind = next((w for w in words if w in KINDS), "text")
    align = next((w for w in words if w in ("left", "center", "right")), "left")
    bold, double = "bold" in words, "double" in words
    if kind == "blank":
        return text_rows("", width)
    if kind == "sep":
        return [sep_row(width, rest.strip() or "-")]
    if kind in ("qr", "barcode"):
        data = rest.replace(BREAK, " ").strip()
        return [code_row(kind, data)] if data else []
    if kind == "pair":
        label, _, amount = rest.rpartition("|")
        return pair_rows(_value(label).replace(BREAK, " "), amount, width, bold, double)
    rows = []
    for part in _value(rest).split(BREAK):
        rows.extend(text_rows(part, width, align, bold, double))
    return rows


def layout_kind(kind: str, data) -> str:
    """A sale marked as a refund prints with the refund layout."""
    if kind == "sale" and getattr(data, "is_refund", False):
        return "refund"
    return kind


def render_document(kind: str, data, width: int, folder=LAYOUT_DIR) -> Document:
    """Render the layout `receipts/<kind>.txt` for `data` at `width` columns."""
    kind = layout_kind(kind, data)
    rows = parse(render_text(kind, data, width, folder), width, f"{kind}.txt")
    title = getattr(data, "receipt_no", None) or getattr(data, "transaction_no", None) or kind
    is_copy = getattr(data, "copy_printed_at", None) is not None
    return Document(width=width, kind=kind, title=str(title), rows=rows,
                    open_drawer=kind in DRAWER_KINDS and not is_copy)
