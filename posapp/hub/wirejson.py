"""JSON as it comes off the wire (pure: no Flask, no database).

`parse` bounds the nesting and keeps numbers PostgreSQL cannot hold as markers, so one bad value
becomes one refused record instead of a 500 (orjson reads the usual body, Python's parser any other);
`plainly_storable` passes the usual record in one cheap pass, `first_problem` finds the value that
cannot be stored and says where; `safe_text` turns anything into text PostgreSQL can store (for the
quarantine and messages).
"""
import json
import math
from dataclasses import dataclass

import orjson

from ..limits import BIGINT_MAX, BIGINT_MIN, is_bigint, storable_text
from ..limits import nesting_depth as text_nesting_depth  # of text that is not JSON (error path)

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


def nesting_depth(value, stop_after: int) -> int:
    """How deep arrays and objects nest in a parsed value, level by level (no recursion on hostile input);
    stops counting past `stop_after`."""
    depth, level = 0, [value] if isinstance(value, (dict, list)) else []
    while level and depth <= stop_after:
        depth += 1
        level = [item for container in level for item in (container.values() if isinstance(container, dict)
                                                            else container) if isinstance(item, (dict, list))]
    return depth


def parse(raw: bytes, max_depth: int):
    """UTF-8 JSON text → Python values; numbers out of range become `Unreadable` markers.

    The C parser itself stops at Python's recursion limit (RecursionError, far below the C stack); the
    depth of what it built is then counted level by level: both are a 400 too_deep.
    """
    value = _quick_loads(raw)
    if value is _UNREAD:
        value = _careful_parse(raw, max_depth)
    if not _plainly_shallow(value, max_depth) and nesting_depth(value, max_depth) > max_depth:
        raise BodyError("too_deep", f"JSON bersarang lebih dari {max_depth} tingkat.")
    return value


def _plainly_shallow(value, max_depth: int) -> bool:
    """True when the value cannot nest deeper than `max_depth`, told cheaply: a container nests no deeper
    than the brackets in its JSON text, and the text of each item two levels down (a batch's records) is
    made and counted in C. False: count level by level."""
    bound = 0
    for child in _containers(value):
        for grandchild in _containers(child):
            try:
                text = orjson.dumps(grandchild)
            except orjson.JSONEncodeError:  # a marker of an unreadable number, or deeper than orjson goes
                return False
            bound = max(bound, text.count(b"[") + text.count(b"{"))
        bound = max(bound, 1)
    return 2 + bound <= max_depth if isinstance(value, (dict, list)) else True


def _containers(value):
    """The dicts and lists directly inside `value`."""
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list):
        return ()
    return [item for item in value if isinstance(item, (dict, list))]


_UNREAD = object()
# Digits mapped to NUL (which JSON text never holds unescaped): a run of 19 is a long digit run
_DIGITS_AS_NUL = bytes.maketrans(b"0123456789", b"\0" * 10)
_LONG_RUN = b"\0" * 19


def _quick_loads(raw: bytes):
    """The body read by orjson (about twice as fast), or _UNREAD where its reading could differ from
    Python's: a long number, or anything orjson refuses (NaN, infinity, a lone surrogate, bad UTF-8,
    nesting over 1,024) — those bodies go the careful way, which decides exactly as before."""
    if _has_long_number(raw):
        return _UNREAD
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _UNREAD


def _has_long_number(raw: bytes) -> bool:
    """A number of 19 digits or more (orjson reads it as a float where Python keeps the integer). A digit
    run is a number where a colon, comma or bracket comes before it (a minus and blanks between); runs
    inside hex texts like a sha256 follow a letter or a quote. Errs only towards True."""
    mapped = raw.translate(_DIGITS_AS_NUL)
    at = mapped.find(_LONG_RUN)
    while at != -1:
        before = at - 1
        while before >= 0 and mapped[before] in b" \t\r\n-":
            before -= 1
        if before < 0 or mapped[before] in b":,[":
            return True
        at = mapped.find(_LONG_RUN, at + len(_LONG_RUN))
    return False


def _careful_parse(raw: bytes, max_depth: int):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError("malformed_body", "Isi permintaan bukan UTF-8 yang sah.") from exc
    try:
        return _loads(text)
    except RecursionError as exc:
        raise BodyError("too_deep", f"JSON bersarang lebih dari {max_depth} tingkat.") from exc
    except ValueError as exc:
        if text_nesting_depth(text, max_depth) > max_depth:  # unreadable and too deep: say the latter, as before
            raise BodyError("too_deep", f"JSON bersarang lebih dari {max_depth} tingkat.") from exc
        raise BodyError("malformed_body", "Isi permintaan bukan JSON yang sah.") from exc


def _loads(text: str):
    """The C parser at full speed; only a body it refuses (e.g. an integer over CPython's 4,300 digits) is
    read again with every integer seen by `_integer`, which keeps over-long ones as markers."""
    try:
        return json.loads(text, parse_constant=_constant)
    except RecursionError:
        raise
    except ValueError:
        return json.loads(text, parse_int=_integer, parse_constant=_constant)


def _integer(digits: str):
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else Unreadable("bad_integer", digits[:24] + "…")


def _constant(name: str):
    return Unreadable("bad_number", name)  # NaN, Infinity, -Infinity: not JSON, and jsonb refuses them


def plainly_storable(value: dict, limits: Limits) -> bool:
    """True when no value breaks a limit by type, size or range (one pass, no regex); the text itself (NUL,
    lone surrogates) is checked afterwards on the record's canonical JSON as a whole. False means: look
    closer with `first_problem`, which may still find nothing."""
    stack = [(value, 1)]
    while stack:
        container, depth = stack.pop()
        if depth > limits.depth or len(container) > limits.items:
            return False
        if type(container) is dict:
            if any(len(key) > limits.key for key in container):
                return False
            items = container.values()
        else:
            items = container
        for item in items:
            kind = type(item)
            if kind is str:
                if len(item) > limits.text:
                    return False
            elif kind is int:
                if not BIGINT_MIN <= item <= BIGINT_MAX:
                    return False
            elif kind is dict or kind is list:
                stack.append((item, depth + 1))
            elif kind is float:
                if not math.isfinite(item):
                    return False
            elif item is not None and kind is not bool:
                return False  # an Unreadable marker
    return True


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
