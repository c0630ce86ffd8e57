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
    data = _dumped(payload)
    if data is None or not _plain_bytes(data, limits):
        return None
    return _taken(data, sha256, limits, max_bytes)


def quick_texts(records: list, limits: Limits, max_bytes: int) -> list:
    """quick_text of each record's payload (None where the record or its payload is no object), exactly.

    The byte checks that hold for a text joined of parts exactly when they hold for each part run once
    over the batch's texts joined by quotes (a quote ends every run those checks look for, and every text
    ends in a brace, so the joins make no escape); when that fails, each record is checked alone."""
    dumped = [_dumped(r["payload"]) if type(r) is dict and type(r.get("payload")) is dict else None
              for r in records]
    if not _plain_bytes(b'"'.join(data for data in dumped if data is not None), limits):
        dumped = [data if data is not None and _plain_bytes(data, limits) else None for data in dumped]
    return [None if data is None else _taken(data, record.get("sha256"), limits, max_bytes)
            for data, record in zip(dumped, records)]


def _dumped(payload) -> bytes | None:
    try:
        return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:  # a marker, a lone surrogate, an integer beyond 64 bits
        return None


def _taken(data: bytes, sha256, limits: Limits, max_bytes: int) -> str | None:
    """The text when its size bounds every text and list in it, its brackets bound its depth, and it hashes
    to `sha256`; else None."""
    if (len(data) > max_bytes or len(data) > min(limits.text, 2 * limits.items) + 1  # no text, no list too long
            or data.count(b"[") + data.count(b"{") > limits.depth):  # no deeper than the containers there are
        return None
    if hashlib.sha256(data).hexdigest() != sha256:
        return None
    return data.decode("utf-8")


def _plain_bytes(data: bytes, limits: Limits) -> bool:
    """Bounds read off the bytes, each at least as strict as the careful check (digits and gaps between
    quotes are counted inside and outside strings alike: only ever too cautious). Plain byte operations,
    and one pattern that is tried only where a quote opens."""
    return (b'\\"' not in data                 # no escaped quote: the quotes bound every text whole
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
