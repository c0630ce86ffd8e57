"""The record check never raises, and what it lets through PostgreSQL can store (pure: no database).

Hypothesis draws payloads from all of JSON and what Python's parser adds (NUL, lone surrogates,
integers of any size, NaN and infinities, deep nesting, long texts) and sends them as wire text.
"""
import json

from flask import Flask
from hypothesis import example, given, settings, strategies as st

from posapp.hub.quarantine import answer_items, refusal
from posapp.hub.reasons import REASONS
from posapp.hub.validate import Context, payload_sha256, record_problem
from posapp.hub import wirejson
from posapp.hub.wirejson import Limits, dumps, parse, safe_text
from posapp.limits import is_bigint

TEXT = st.text(st.characters(codec=None, categories=None), max_size=40) | st.sampled_from(["\x00", "\ud800", "a" * 3000])
SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(2 ** 64), max_value=2 ** 64)
           | st.floats(allow_nan=True, allow_infinity=True) | TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                      max_leaves=30)
CTX = Context(1, 3, "KOP01", Limits(depth=6, text=2000, key=100, items=50), 64 * 1024)


def _storable(value) -> bool:
    if isinstance(value, dict):
        return all(_storable(k) and _storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(v) for v in value)
    if isinstance(value, str):
        return "\x00" not in value and not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return is_bigint(value)
    return not isinstance(value, float) or value == value and abs(value) != float("inf")


def _wire(payload, good_sha: bool) -> dict:
    """The record as the hub reads it: JSON text (ASCII escapes, NaN as written) parsed by wirejson."""
    sha = payload_sha256(payload) if good_sha and _storable(payload) else "0" * 64
    record = {"seq": 2, "kind": "sale", "uuid": "0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f",
              "business_date": "2026-11-24", "payload": payload, "sha256": sha}
    return parse(json.dumps(record, ensure_ascii=True).encode("ascii"), 64)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXT, VALUES, max_size=6), st.booleans())
def test_any_payload_is_judged_without_raising_and_only_storable_ones_pass(payload, good_sha):
    record = _wire(payload, good_sha)
    problem = record_problem(record, CTX)
    if problem is None:
        assert _storable(record["payload"])
        json.dumps(record["payload"], ensure_ascii=False, allow_nan=False).encode("utf-8")
    else:
        code, detail = problem
        assert code in REASONS and isinstance(detail, str)  # the detail is made storable by quarantine.refusal


@settings(max_examples=60, deadline=None)
@given(VALUES)
def test_anything_is_made_storable_for_the_quarantine(value):
    text = safe_text(value, 500)
    assert len(text) <= 500 and "\x00" not in text
    text.encode("utf-8")
    assert dumps(value)  # never raises


APP = Flask(__name__)
APP.config["HUB_QUARANTINE_TEXT"] = 1000


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(), TEXT, st.just(2 ** 70)), max_size=5))
def test_the_answer_of_refused_records_holds_only_safe_values(seqs):
    with APP.app_context():
        items = answer_items([refusal({"seq": s, "uuid": s, "kind": s}, "bad_seq", "x") for s in seqs])
    for item in items:
        assert item["seq"] is None or is_bigint(item["seq"])
        item["uuid"].encode("utf-8")
        assert "\x00" not in item["uuid"]


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(TEXT, VALUES, max_size=6), st.booleans())
@example({"total": 2 ** 63}, True)                      # beyond a bigint, inside orjson's 64 bits
@example({"note": "a\x00b"}, True)                       # NUL
@example({"k" * 101: 1}, True)                            # a key over the limit
@example({"k" * 60 + '"' + "k" * 60: 1}, True)              # … with a quote inside
@example({"n": [[[[[[[1]]]]]]]}, True)                    # deeper than the limit
@example({"x": 1e16, "y": float("nan")}, True)            # floats orjson writes its own way
@example({"l": ["a"] * 2001}, True)                       # a list over the limit
def test_the_quick_path_judges_every_payload_as_the_careful_one_does(payload, good_sha):
    for ctx in (CTX, WIDE):
        _same_judgement(payload, good_sha, ctx)


WIDE = Context(1, 3, "KOP01", Limits(depth=6, text=2000, key=100, items=2000), 64 * 1024)  # the hub's, shallower


def _same_judgement(payload, good_sha, ctx):
    """orjson's text is taken only where the careful check would take Python's text, and it is the same text."""
    import hashlib
    from unittest import mock
    from posapp.hub.validate import canonical, judge_record
    record = _wire(payload, False)
    if good_sha:  # the hash of the shop's own text, whatever it holds (as a hostile shop would send it)
        text = canonical(payload).encode("utf-8", "surrogatepass")
        record["sha256"] = hashlib.sha256(text).hexdigest()
    quick = judge_record(record, ctx)
    with mock.patch("posapp.hub.validate.quick_text", return_value=None):
        careful = judge_record(record, ctx)
    assert quick == careful


def test_a_usual_sale_takes_the_quick_path_with_the_shops_own_text():
    from posapp.hub.quicktext import quick_text
    from posapp.hub.validate import canonical
    lines = [{"sku": f"SKU-{n:06d}", "name": "Kopi Dampit “asli” ½ kg", "qty": 2, "unit_price": 35_000,
              "total": 70_000, "discount": 0} for n in range(4)]
    payload = {"uuid": "0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", "kind": "sale", "total": 280_000, "lines": lines,
               "payments": [{"method": "tunai", "amount": 280_000, "reference": ""}], "member_uuid": None}
    text = quick_text(payload, payload_sha256(payload), Limits(), CTX.max_record_bytes)  # the hub's own limits
    assert text == canonical(payload)
    assert quick_text(payload, "0" * 64, Limits(), CTX.max_record_bytes) is None  # a wrong hash: careful path


def _outcome(raw: bytes) -> str:
    """What parse makes of a body, as comparable text: the values (markers and NaN included) or the error."""
    from posapp.hub.wirejson import BodyError
    try:
        return "ok " + dumps(parse(raw, 8))
    except BodyError as exc:
        return "refused " + exc.code


BIG = st.integers(min_value=-(10 ** 25), max_value=10 ** 25) | st.just(-(2 ** 63) - 1) | st.just(2 ** 64)


@settings(max_examples=200, deadline=None)
@given(st.recursive(SCALARS | BIG, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=30), st.booleans(), st.sampled_from(["", " ", "\n\t"]))
@example([1234567890123456789, "0123456789012345678901"], True, "")    # a long number; a long digit run in a text
@example({"sha": "9fd95daf23e8754065406720167777359976792460"}, True, " ")  # digits of a hash, not a number
@example([-9223372036854775809, 1e400], True, "")                     # orjson would read a float; infinity
@example([[[[[[[[[[1]]]]]]]]]], True, "")                             # deeper than the body limit
def test_orjson_reads_a_body_exactly_as_the_careful_parser(value, ascii_only, blank):
    from unittest import mock
    text = json.dumps(value, ensure_ascii=ascii_only, separators=("," + blank, ":" + blank))
    raw = text.encode("utf-8", "surrogatepass")
    with mock.patch("posapp.hub.wirejson._quick_loads", side_effect=lambda _raw: wirejson._UNREAD):
        careful = _outcome(raw)
    assert _outcome(raw) == careful


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.dictionaries(TEXT, VALUES, max_size=6) | SCALARS, st.booleans()), max_size=6))
@example([({"n": 1}, True), ({"note": "a\x00b"}, True), ({"k" * 101: 1}, True)])  # one odd record among good ones
@example([({"n": 1}, True), ({"x": "y" * 90}, True), ({"z": "w" * 90}, True)])    # quotes end every gap
@example([({"n": [1] * 60}, True), ({"n": 12345678901234}, True)])                # digits at the joins
def test_the_quick_texts_of_a_batch_are_each_records_own(pairs):
    from posapp.hub.quicktext import quick_text, quick_texts
    records = [_wire(payload, good_sha) if isinstance(payload, dict) else payload for payload, good_sha in pairs]
    for ctx in (CTX, WIDE):
        one_by_one = [quick_text(r["payload"], r["sha256"], ctx.limits, ctx.max_record_bytes)
                      if isinstance(r, dict) else None for r in records]
        assert quick_texts(records, ctx.limits, ctx.max_record_bytes) == one_by_one


@settings(max_examples=200, deadline=None)
@given(VALUES, st.integers(min_value=1, max_value=10))
def test_a_body_told_shallow_at_a_glance_is_shallow(value, limit):
    from posapp.hub.wirejson import _plainly_shallow, nesting_depth
    for wrapped in (value, [value], {"records": [value, {"payload": value}]}):
        if _plainly_shallow(wrapped, limit):
            assert nesting_depth(wrapped, limit) <= limit
