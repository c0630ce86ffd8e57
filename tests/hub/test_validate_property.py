"""The record check never raises, and what it lets through PostgreSQL can store (pure: no database).

Hypothesis draws payloads from all of JSON and what Python's parser adds (NUL, lone surrogates,
integers of any size, NaN and infinities, deep nesting, long texts) and sends them as wire text.
"""
import json

from flask import Flask
from hypothesis import given, settings, strategies as st

from posapp.hub.quarantine import answer_items, refusal
from posapp.hub.reasons import REASONS
from posapp.hub.validate import Context, payload_sha256, record_problem
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
