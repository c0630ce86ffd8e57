"""Issue 11, hub side: one poison record is refused alone and quarantined; the rest of its batch is stored.

Each failure mode of the issue has its test here (#1 the NUL byte, #2 bigint amounts, journal lines that
are not objects, JSON nested 100,000 deep, a to_seq beyond the records); the query strings are in
test_api_edges.py.
"""
import json

import pytest

from posapp.hub.extensions import db
from posapp.hub.facts import Record
from posapp.hub.models import Koperasi, Rejection
from posapp.wire.client import HubRefused

from posapp.wire.outbox import payload_sha256

from .helpers import batch, body, record, signed


def _held(hub):
    return hub(lambda: {r.seq: r.content() for r in db.session.scalars(db.select(Record))})


def _quarantined(hub):
    return hub(lambda: [(r.seq, r.code, r.kind, r.detail, r.payload)
                        for r in db.session.scalars(db.select(Rejection).order_by(Rejection.id))])


def _cursor(hub):
    return hub(lambda: db.session.scalar(db.select(Koperasi.last_seq)))


def _changed(rec, **payload):
    """The record with payload fields changed and hashed again (as a shop that wrote them would)."""
    changed = {**rec, "payload": {**rec["payload"], **payload}}
    return {**changed, "sha256": payload_sha256(changed["payload"])}


def _raw(records, **placeholders) -> bytes:
    """A batch body with JSON text no encoder would write ("__BIG__" → 999…9, "__NAN__" → NaN)."""
    text = body(batch(records))
    for name, raw in placeholders.items():
        text = text.replace(f'"__{name}__"'.encode(), raw)
    return text


def _poisoned(hub_key, hub, poison, code):
    """Good, poison, good: the poison is refused with `code`, quarantined, and the cursor passes it."""
    records = [record(1), poison, record(3)]
    answer = hub_key.post("/sync/batches", body=body(batch(records)))
    assert answer["accepted_through_seq"] == 3
    assert [(r["seq"], r["code"]) for r in answer["results"]["rejected"]] == [(2, code)]
    assert answer["results"]["created"] == 2 and set(_held(hub)) == {1, 3}
    quarantined = _quarantined(hub)
    assert [(q[0], q[1]) for q in quarantined] == [(2, code)]
    assert hub_key.post("/sync/batches", body=body(batch([record(4)])))["results"]["created"] == 1  # not blocked
    return answer["results"]["rejected"][0], quarantined[0]


def test_1_a_nul_byte_in_a_payment_reference_is_refused_alone(hub_key, hub):
    poison = record(2, payments=[{"method": "qris", "amount": 10_000, "reference": "QR\u0000123"}])
    item, (_, _, kind, detail, raw) = _poisoned(hub_key, hub, poison, "bad_text")
    assert item["detail"] == detail == "payload.payments[0].reference: teks berisi NUL atau surrogate tunggal"
    assert kind == "sale" and "QR\\u0000123" in raw and poison["uuid"] in raw  # kept, made storable


def test_1_a_lone_surrogate_is_refused_alone(hub_key, hub):
    poison = {**record(2), "sha256": "0" * 64}
    poison["payload"]["note"] = "\ud800"
    data = json.dumps(batch([record(1), poison, record(3)]), ensure_ascii=True).encode()
    answer = hub_key.post("/sync/batches", body=data)
    assert [(r["seq"], r["code"]) for r in answer["results"]["rejected"]] == [(2, "bad_text")]
    assert "\\ud800" in _quarantined(hub)[0][4] and _cursor(hub) == 3


def test_1_a_nul_in_the_envelope_is_refused_and_stored_safely(hub_key, hub):
    poison = {**record(2), "uuid": "abc\u0000def", "kind": "sale\u0000"}
    answer = hub_key.post("/sync/batches", body=body(batch([record(1), poison, record(3)])))
    assert answer["results"]["rejected"] == [{"seq": 2, "uuid": "abc\\u0000def", "code": "bad_kind",
                                              "detail": "kind tidak dikenal"}]
    assert _quarantined(hub)[0][2] == "sale\\u0000"


@pytest.mark.parametrize("total", [str(2 ** 63).encode(), str(-(2 ** 63) - 1).encode(), b"1" + b"0" * 30, b"9" * 5000],
                         ids=["2^63", "-2^63-1", "10^30", "5000 digits"])
def test_2_an_amount_beyond_bigint_is_refused_alone(hub_key, hub, total):
    poison = {**record(2, total="__BIG__"), "sha256": "0" * 64}  # no shop can hash 5,000 digits: text first
    answer = hub_key.post("/sync/batches", body=_raw([record(1), poison, record(3)], BIG=total))
    assert [(r["seq"], r["code"]) for r in answer["results"]["rejected"]] == [(2, "bad_integer")]
    assert answer["results"]["created"] == 2 and _cursor(hub) == 3


def test_2_the_largest_bigint_is_stored(hub_key, hub):
    answer = hub_key.post("/sync/batches", body=body(batch([record(1, total=2 ** 63 - 1),
                                                            record(2, total=-(2 ** 63))])))
    assert answer["results"]["created"] == 2 and _held(hub)[1]["total"] == 2 ** 63 - 1


def test_2_journal_debits_summing_beyond_bigint_are_refused(hub_key, hub):
    lines = [{"account": "1-100", "debit": 2 ** 62, "credit": 0}] * 2
    poison = record(2, kind="journal_entry", total=None, lines=lines)
    item, _ = _poisoned(hub_key, hub, poison, "bad_amount")
    assert "bigint" in item["detail"]


@pytest.mark.parametrize("lines, detail", [([{"account": "1-100", "debit": 5}, 7], "payload.lines[1]: harus objek"),
                                           ("1-100", "payload.lines: harus daftar"),
                                           ([None], "payload.lines[0]: harus objek")])
def test_2_journal_lines_that_are_not_objects_are_refused(hub_key, hub, lines, detail):
    poison = record(2, kind="journal_entry", total=None, lines=lines)
    item, _ = _poisoned(hub_key, hub, poison, "bad_field")
    assert item["detail"] == detail


@pytest.mark.parametrize("value, code", [(10.5, "bad_amount"), ("10000", "bad_amount"), (True, "bad_amount")])
def test_money_is_integer_rupiah(hub_key, hub, value, code):
    _poisoned(hub_key, hub, record(2, total=value), code)


@pytest.mark.parametrize("constant", [b"NaN", b"Infinity", b"-Infinity", b"1e400"])
def test_nan_and_infinity_are_refused_alone(hub_key, hub, constant):
    poison = {**record(2, total=1, note="__NAN__"), "sha256": "0" * 64}
    answer = hub_key.post("/sync/batches", body=_raw([record(1), poison, record(3)], NAN=constant))
    assert [(r["seq"], r["code"]) for r in answer["results"]["rejected"]] == [(2, "bad_number")]


def test_2_a_body_nested_100000_deep_is_refused_not_crashed(hub_key, hub):
    response = signed(hub_key, "POST", "/sync/batches", data=b"[" * 100_000 + b"]" * 100_000)
    assert response.status_code == 400 and response.json()["error"] == "too_deep"
    deep_in_a_string = body(batch([record(1, note="[{" * 900)]))  # brackets inside text are not nesting
    assert hub_key.post("/sync/batches", body=deep_in_a_string)["results"]["created"] == 1


def test_a_deep_payload_inside_the_body_limit_is_refused_alone(hub_key, hub, hub_app):
    nested = "x"
    for _ in range(hub_app.config["HUB_MAX_DEPTH"] + 5):
        nested = {"n": nested}
    item, _ = _poisoned(hub_key, hub, record(2, extra=nested), "too_deep")
    assert item["detail"].startswith("payload.extra.n.n")


@pytest.mark.parametrize("field", ["note", "key"])
def test_too_long_text_is_refused_alone(hub_key, hub, hub_app, field):
    long = "a" * (hub_app.config["HUB_MAX_TEXT"] + 1)
    poison = record(2, note=long) if field == "note" else record(2, **{long[:hub_app.config["HUB_MAX_KEY"] + 1]: 1})
    _poisoned(hub_key, hub, poison, "too_long")


def test_2_to_seq_beyond_the_records_is_refused_and_the_cursor_stays(hub_key, hub):
    hub_key.post("/sync/batches", body=body(batch([record(1)])))
    claim = {**batch([record(2)]), "to_seq": 10 ** 9}
    with pytest.raises(HubRefused) as refused:
        hub_key.post("/sync/batches", body=body(claim))
    assert (refused.value.status, refused.value.code) == (400, "seq_mismatch")
    assert _cursor(hub) == 1 and hub_key.get("/sync/cursor")["last_seq"] == 1
    with pytest.raises(HubRefused) as beyond:
        hub_key.post("/sync/batches", body=body({**batch([record(2)]), "to_seq": 2 ** 63}))
    assert (beyond.value.status, beyond.value.code) == (400, "malformed_batch")
    assert _cursor(hub) == 1


def test_records_that_are_not_objects_and_repeated_seqs_are_refused_alone(hub_key, hub):
    data = batch([record(1), record(2), record(2), record(3)])
    data["records"].insert(1, [1, 2])
    answer = hub_key.post("/sync/batches", body=body(data))
    assert [(r["seq"], r["code"]) for r in answer["results"]["rejected"]] == [(None, "bad_record"), (2, "bad_seq")]
    assert answer["results"]["created"] == 3 and _cursor(hub) == 3


@pytest.mark.parametrize("change, code", [({"plate": 1234}, "bad_field"), ({"paid_on": "kemarin"}, "bad_date"),
                                          ({"paid_on": "9999-12-31"}, "bad_date"), ({"bill": [1]}, "bad_field"),
                                          ({"uuid": 5}, "bad_field"), ({"bill": {"total": 1.5}}, "bad_amount")])
def test_samsat_payment_fields_the_hub_reads_are_checked(hub_key, hub, change, code):
    poison = record(2, kind="samsat_payment", plate="L1234AB", paid_on="2026-11-24", bill_total=10_000)
    _poisoned(hub_key, hub, _changed(poison, **change), code)
