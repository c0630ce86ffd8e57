"""A fact the hub could never store is refused when it is made, so no poison record ever enters the outbox.

The shop's limits (posapp/limits.py) are the hub's own or tighter: whatever the shop lets into the
outbox passes the hub's record check (posapp/hub/validate.py).
"""
import json
import uuid as uuidlib
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from posapp import limits
from posapp.edge import transaction
from posapp.extensions import db
from posapp.hub.validate import Context, payload_sha256, record_problem
from posapp.hub.wirejson import Limits, parse
from posapp.wire.models import Outbox
from posapp.wire.outbox import OutboxRefused, canonical_json, enqueue

DAY = date(2026, 11, 24)


def outbox_rows():
    return db.session.scalar(db.select(db.func.count()).select_from(Outbox))


@pytest.mark.parametrize("payload, words", [
    ({"reference": "QR\x001"}, "tidak bisa disimpan"),
    ({"note": "\ud800"}, "tidak bisa disimpan"),
    ({"total": 2 ** 63}, "di luar batas"),
    ({"total": -(2 ** 63) - 1}, "di luar batas"),
    ({"rate": float("nan")}, "NaN"),
    ({"lines": [[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}, "bersarang"),
    ({"memo": "x" * 2001}, "2.000 karakter"),
    ({"k" * 101: 1}, "100 karakter"),
    ({"lines": list(range(2001))}, "2000 isi"),
    ({"blob": ["x" * 1900] * 300}, "512 KB"),
])
def test_an_unsendable_fact_is_refused_with_the_act(app, payload, words):
    with pytest.raises(OutboxRefused) as refused:
        with transaction():
            enqueue("sale", str(uuidlib.uuid4()), DAY, {"uuid": "x", **payload})
    assert words in str(refused.value) and "server provinsi" in str(refused.value)
    assert outbox_rows() == 0


@pytest.mark.parametrize("day", [date(1999, 12, 31), date(2100, 1, 1)])
def test_a_business_date_the_hub_refuses_is_refused_here(app, day):
    with pytest.raises(OutboxRefused, match="jam komputer"):
        with transaction():
            enqueue("sale", str(uuidlib.uuid4()), day, {"total": 1})
    assert outbox_rows() == 0


def test_a_good_fact_is_queued(app):
    with transaction():
        enqueue("sale", str(uuidlib.uuid4()), DAY, {"total": 2 ** 63 - 1, "note": "™ ½ 😀", "lines": [{"qty": 1}]})
    assert outbox_rows() == 1


TEXT = st.text(st.characters(codec=None, categories=None), max_size=30) | st.sampled_from(["\x00", "\ud800", "a" * 2001])
SCALARS = (st.none() | st.booleans() | st.integers(min_value=-(2 ** 64), max_value=2 ** 64)
           | st.floats(allow_nan=True, allow_infinity=True) | TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
                      max_leaves=25)
HUB = Context(1, 1, "KOP01", Limits(depth=16, text=2000, key=100, items=2000), 512 * 1024)  # HubConfig's limits


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(TEXT, VALUES, max_size=5))
def test_what_the_shop_lets_through_the_hub_stores(payload):
    payload.pop("shop_code", None)  # the hub checks the shop code against the caller's; not a shape rule
    for money in ("total", "amount", "bill_total", "lines", "bill"):
        payload.pop(money, None)     # fields the features fill themselves (integer rupiah, objects)
    if limits.problem(payload) is not None:
        return
    record = {"seq": 1, "kind": "sale", "uuid": str(uuidlib.uuid4()), "business_date": DAY.isoformat(),
              "payload": payload, "sha256": payload_sha256(payload)}
    wire = parse(json.dumps(record, ensure_ascii=False).encode("utf-8"), 64)
    assert record_problem(wire, HUB) is None
    assert canonical_json(payload) == canonical_json(wire["payload"])
