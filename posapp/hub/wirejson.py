"""JSON as it comes off the wire (pure: no Flask, no database).

`parse` bounds the nesting before the parser sees it and keeps numbers PostgreSQL cannot hold as
markers, so one bad value becomes one refused record instead of a 500; `first_problem` finds that
value; `safe_text` turns anything into text PostgreSQL can store (for the quarantine and messages).
"""
import json
import math
import re
from dataclasses import dataclass

from ..limits import is_bigint, storable_text

# a string, or an unterminated one up to the end: every attempt succeeds, so the scan stays linear
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_MAX_INT_DIGITS = 20  # longer digit runs are never a bigint: not even converted (CPython caps at 4300)


class BodyError(ValueError):
    """The body as a whole cannot be read: `code` is the API error code."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


class Unreadable:
    """A number kept as a marker: `code` says why it cannot be stored."""

    def __init__(self, code, text):
        self.code, self.text = code, text

    def __repr__(self):
        return self.text


@dataclass(frozen=True)
class Limits:
    depth: int = 16
    text: int = 2000
    key: int = 100
    items: int = 2000


def nesting_depth(text: str, stop_after: int) -> int:
    """The deepest nesting of arrays and objects (strings skipped); stops counting past `stop_after`."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        depth += 1 if char in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > stop_after:
                break
    return deepest


def parse(raw: bytes, max_depth: int):
    """UTF-8 JSON text → Python values; numbers out of range become `Unreadable` markers."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError("malformed_body", "Isi permintaan bukan UTF-8 yang sah.") from exc
    if nesting_depth(text, max_depth) > max_depth:
        raise BodyError("too_deep", f"JSON bersarang lebih dari {max_depth} tingkat.")
    try:
        return json.loads(text, parse_int=_integer, parse_constant=_constant)
    except RecursionError as exc:  # belt and braces: the depth check above should make this impossible
        raise BodyError("too_deep", "JSON terlalu dalam.") from exc
    except ValueError as exc:
        raise BodyError("malformed_body", "Isi permintaan bukan JSON yang sah.") from exc


def _integer(digits: str):
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else Unreadable("bad_integer", digits[:24] + "…")


def _constant(name: str):
    return Unreadable("bad_number", name)  # NaN, Infinity, -Infinity: not JSON, and jsonb refuses them


def first_problem(value, limits: Limits, depth: int = 1):
    """(code, path, note) of the first value that cannot be stored, or None. `depth` counts containers."""
    if isinstance(value, (dict, list)):
        if depth > limits.depth:
            return "too_deep", [], f"bersarang lebih dari {limits.depth} tingkat"
        if len(value) > limits.items:
            return "too_long", [], f"lebih dari {limits.items} isi"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            problem = (_text_problem(key, limits.key, "kunci") if isinstance(key, str) else None) \
                or first_problem(item, limits, depth + 1)
            if problem:
                return problem[0], [key, *problem[1]], problem[2]
        return None
    return _scalar_problem(value, limits)


def _scalar_problem(value, limits):
    if isinstance(value, str):
        return _text_problem(value, limits.text, "teks")
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if is_bigint(value) else ("bad_integer", [], "bilangan bulat di luar bigint (±2^63)")
    if isinstance(value, float):
        return None if math.isfinite(value) else ("bad_number", [], "angka tak hingga")
    if isinstance(value, Unreadable):
        return value.code, [], f"angka {value.text} tidak bisa disimpan"
    return "bad_payload", [], "bukan nilai JSON"  # cannot come from `parse`


def _text_problem(text, limit, what):
    if not storable_text(text):
        return "bad_text", [], f"{what} berisi NUL atau surrogate tunggal"
    if len(text) > limit:
        return "too_long", [], f"{what} lebih dari {limit} karakter"
    return None


def path_text(path) -> str:
    """['lines', 2, 'memo'] → 'lines[2].memo' (for a detail message)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def safe_text(value, limit: int) -> str:
    """Any value as text PostgreSQL can store: NUL and lone surrogates written as escapes, cut to `limit`."""
    text = value if isinstance(value, str) else dumps(value)
    if not storable_text(text):
        text = text.replace("\x00", "\\u0000").encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[:max(limit - 12, 0)] + " …[dipotong]"


def dumps(value) -> str:
    """JSON text of a parsed value, markers and non-finite numbers included (never raises)."""
    try:
        return json.dumps(value, ensure_ascii=False, default=repr)
    except (ValueError, RecursionError):
        return repr(value)
