"""What the shop can store and the hub will take: text, integers, nesting, sizes (pure: no Flask, no database).

The same rules as the hub's edge (posapp/hub/config.py, wirejson.py), no looser: a value that passes
here is stored by SQLite and PostgreSQL alike and is never a poison record at the hub.
"""
import json
import math
import re
from datetime import date
from .i18n import _

BIGINT_MIN, BIGINT_MAX = -2 ** 63, 2 ** 63 - 1  # PostgreSQL bigint: every integer that crosses the wire
MAX_DEPTH = 16       # nesting of one JSON value (the hub quarantines a deeper payload: HUB_MAX_DEPTH)
MAX_TEXT = 2000      # characters of one string (HUB_MAX_TEXT)
MAX_KEY = 100        # characters of one object key (HUB_MAX_KEY)
MAX_ITEMS = 2000     # entries of one array or object (HUB_MAX_ITEMS)
MAX_INT_DIGITS = 19  # longer digit runs are never a bigint: not even converted (CPython caps at 4300)
MAX_RECORD_BYTES = 512 * 1024  # canonical JSON of one outbox payload (HUB_MAX_RECORD_BYTES)
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)  # business dates the hub accepts

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates: PostgreSQL text/jsonb refuse them
# a JSON string, or an unterminated one up to the end: every attempt succeeds, so the scan stays linear
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class TooDeep(ValueError):
    """A JSON text nested deeper than allowed (checked before the parser can recurse)."""


def is_bigint(value) -> bool:
    """An integer (not a bool) the hub can store in a bigint column."""
    return isinstance(value, int) and not isinstance(value, bool) and BIGINT_MIN <= value <= BIGINT_MAX


ROW_ID_MAX = 2 ** 31 - 1  # the app's primary keys are INTEGER: PostgreSQL refuses a larger one with an error


def is_row_id(value) -> bool:
    """An integer (not a bool) that can be a row's id: 1 … 2^31-1 (anything else names no row)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= ROW_ID_MAX


def storable_text(text: str) -> bool:
    """False when PostgreSQL text (UTF-8) cannot hold `text`: a NUL or a lone surrogate."""
    return _UNSTORABLE.search(text) is None


def nesting_depth(text: str, stop_after: int) -> int:
    """The deepest nesting of arrays and objects in JSON text (strings skipped); stops past `stop_after`."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        depth += 1 if char in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > stop_after:
                break
    return deepest


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError(_("bilangan bulat terlalu panjang"))
    return int(digits)


def _constant(name: str):
    raise ValueError(_('%(name)s bukan angka JSON', name=name))


def loads(text: str, max_depth: int = MAX_DEPTH):
    """JSON text → Python values; raises TooDeep before a deep text reaches the parser, ValueError when
    the text is not JSON (NaN, Infinity and digit runs no bigint can hold included)."""
    if nesting_depth(text, max_depth) > max_depth:
        raise TooDeep(_('data JSON bersarang lebih dari %(max_depth)s tingkat', max_depth=max_depth))
    try:
        return json.loads(text, parse_int=_integer, parse_constant=_constant)
    except RecursionError as exc:  # cannot happen after the depth check; never a 500 if it does
        raise TooDeep(_("data JSON terlalu dalam")) from exc


def problem(value, depth: int = 1, *, max_text: int = MAX_TEXT) -> str | None:
    """Why `value` (parsed JSON or a payload built by the shop) cannot be stored or sent, in Indonesian;
    None when it can."""
    if isinstance(value, (dict, list, tuple)):
        if depth > MAX_DEPTH:
            return _('data bersarang lebih dari %(n)s tingkat', n=MAX_DEPTH)
        if len(value) > MAX_ITEMS:
            return _('daftar berisi lebih dari %(n)s isi', n=MAX_ITEMS)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            found = (text_problem(key, MAX_KEY) if isinstance(key, str) else None) \
                or problem(item, depth + 1, max_text=max_text)
            if found:
                return found
        return None
    if isinstance(value, str):
        return text_problem(value, max_text)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if is_bigint(value) else _("bilangan bulat di luar batas (±9.223.372.036.854.775.807)")
    if isinstance(value, float):
        return None if math.isfinite(value) else _("angka tidak sah (NaN atau tak hingga)")
    return _("nilai yang tidak bisa disimpan")


def text_problem(text: str, limit: int = MAX_TEXT) -> str | None:
    """Why `text` cannot be stored (a NUL, a lone surrogate, more than `limit` characters), or None."""
    if not storable_text(text):
        return _("teks berisi karakter yang tidak bisa disimpan (NUL atau karakter rusak)")
    if len(text) > limit:
        return _('teks lebih dari %(limit)s karakter', limit=format(limit, ',')).replace(",", ".")
    return None
