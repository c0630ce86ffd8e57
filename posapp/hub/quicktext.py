"""The usual record's canonical text in one C call (pure: no Flask, no database).

The shop hashes `json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`;
orjson with sorted keys writes the same bytes for the payloads a shop makes (integers, text, lists,
objects) about ten times faster. Its text is taken only when its sha256 is the one the shop sent and
the bytes alone show that no value can break a limit; anything else (a float orjson writes
differently, a long text, deep nesting, a big integer, a marker of an unreadable number) returns None
and the record takes the careful path of validate.py, which decides exactly as before.
"""
import functools
import hashlib
import re

import orjson

from .wirejson import Limits


def quick_text(payload: dict, sha256, limits: Limits, max_bytes: int) -> str | None:
    """The payload's canonical text when it is plainly storable and hashes to `sha256`, else None.

    (orjson writes NaN and infinity as null where Python writes NaN: an honest shop's hash never matches
    that text, and a text with null in it is valid JSON anyway.)
    """
    try:
        data = orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:  # a marker, a lone surrogate, an integer beyond 64 bits
        return None
    if len(data) > max_bytes or not _plainly_within(data, limits):
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    return data.decode("utf-8")


def _plainly_within(data: bytes, limits: Limits) -> bool:
    """Bounds read off the bytes, each at least as strict as the careful check (brackets, digits and gaps
    between quotes are counted inside and outside strings alike: only ever too cautious). Plain byte
    operations, and one pattern that is tried only where a quote opens."""
    return (len(data) <= min(limits.text, 2 * limits.items) + 1  # so no text, and no list, can be too long
            and data.count(b"[") + data.count(b"{") <= limits.depth  # no deeper than the containers there are
            and b'\\"' not in data                 # no escaped quote: the quotes bound every text whole
            and _longer_than(limits.key).search(data) is None  # no key (nor any text) over the key limit
            and b"\\u0000" not in data             # NUL: PostgreSQL refuses it
            and _DIGIT_RUN not in data.translate(_DIGITS_AS_NUL))  # a bigint has at most 19 digits


# orjson escapes every control character, so a raw NUL in its output can only be a digit mapped here
_DIGITS_AS_NUL = bytes.maketrans(b"0123456789", b"\0" * 10)
_DIGIT_RUN = b"\0" * 19


@functools.cache
def _longer_than(chars: int):
    """More than `chars` bytes after a quote before the next one (≥ the characters of a text)."""
    return re.compile(rb'"[^"]{%d}' % (chars + 1))
