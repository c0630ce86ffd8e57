"""Batches: idempotent on (shop, uuid), one bad record does not block the rest, the cursor is authoritative."""
import threading

import pytest

from posapp.hub.extensions import db
from posapp.hub.facts import Record
from posapp.hub.models import Koperasi
from posapp.wire.client import HubRefused
from posapp.wire.outbox import canonical_json, payload_sha256

from .helpers import batch, body, record


def _records(hub):
    return hub(lambda: {(r.uuid, r.sha256) for r in db.session.scalars(db.select(Record))})


def test_batch_creates_records_and_advances_cursor(hub_key, hub):
    records = [record(seq) for seq in range(1, 6)]
    answer = hub_key.post("/sync/batches", body=body(batch(records)))
    assert answer["accepted_through_seq"] == 5
    assert answer["results"] == {"created": 5, "duplicate": 0, "rejected": []}
    assert hub_key.get("/sync/cursor")["last_seq"] == 5
    assert _records(hub) == {(r["uuid"], r["sha256"]) for r in records}


def test_a_payload_is_stored_byte_for_byte_whatever_its_texts_hold(hub_key, hub):
    # backslashes, escaped tabs, newlines and quotes, a lone backslash at a text's end, and beyond ASCII:
    # COPY's own escapes must not change a byte of the shop's text
    odd = {"memo": 'tab\there\nnew "quoted" \\N \\. C:\\path\\', "name": "Kopi “asli” ½ kg — ñ 😀", "r": "\r"}
    records = [record(1, **odd), record(2, memo="\\")]
    answer = hub_key.post("/sync/batches", body=body(batch(records)))
    assert answer["results"]["created"] == 2
    stored = hub(lambda: {r.uuid: (r.payload, r.sha256) for r in db.session.scalars(db.select(Record))})
    for sent in records:
        text, sha = stored[sent["uuid"]]
        assert text == canonical_json(sent["payload"]) and sha == payload_sha256(sent["payload"])


def test_same_batch_twice_returns_stored_answer_without_doubles(hub_key, hub):
    data = body(batch([record(seq) for seq in range(1, 4)]))
    first = hub_key.post("/sync/batches", body=data)
    again = hub_key.post("/sync/batches", body=data)
    assert {k: again[k] for k in ("accepted_through_seq", "results")} == \
           {k: first[k] for k in ("accepted_through_seq", "results")}
    assert len(_records(hub)) == 3


def test_same_batch_id_with_other_body_is_refused(hub_key):
    hub_key.post("/sync/batches", body=body(batch([record(1)], "b1")))
    with pytest.raises(HubRefused) as refused:
        hub_key.post("/sync/batches", body=body(batch([record(1, total=99)], "b1")))
    assert (refused.value.status, refused.value.code) == (422, "batch_id_reused")


def test_gap_after_cursor_is_refused_with_expected_seq(hub_key, hub):
    hub_key.post("/sync/batches", body=body(batch([record(1), record(2)])))
    with pytest.raises(HubRefused) as refused:
        hub_key.post("/sync/batches", body=body(batch([record(5)])))
    assert refused.value.status == 409 and refused.value.data["expected_seq"] == 3
    assert len(_records(hub)) == 2


def test_resent_overlap_under_new_batch_id_counts_duplicates(hub_key, hub):
    first = [record(seq) for seq in range(1, 4)]
    hub_key.post("/sync/batches", body=body(batch(first)))
    answer = hub_key.post("/sync/batches", body=body(batch(first + [record(4)])))
    assert answer["results"]["created"] == 1 and answer["results"]["duplicate"] == 3
    assert len(_records(hub)) == 4


def test_conflict_and_bad_records_are_rejected_alone(hub_key, hub):
    kept = record(1)
    hub_key.post("/sync/batches", body=body(batch([kept])))
    changed = record(2, uuid=kept["uuid"], total=1)          # same UUID, other content
    broken = {**record(3), "sha256": "0" * 64}               # content does not match its digest
    unknown = record(4, kind="hadiah")
    good = record(5)
    answer = hub_key.post("/sync/batches", body=body(batch([changed, broken, unknown, good])))
    codes = {r["seq"]: r["code"] for r in answer["results"]["rejected"]}
    assert codes == {2: "conflict", 3: "bad_sha256", 4: "bad_kind"}
    assert answer["results"]["created"] == 1 and answer["accepted_through_seq"] == 5
    held = hub(lambda: db.session.get(Record, (1, kept["business_date"], kept["uuid"])).content()["total"])
    assert held == kept["payload"]["total"]  # never overwritten


def test_two_identical_batches_racing_store_once(hub_key, hub):
    data = body(batch([record(seq) for seq in range(1, 51)]))
    answers, errors = [], []

    def send():
        try:
            answers.append(hub_key.post("/sync/batches", body=data)["results"])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(answers) == 4
    assert all(a == answers[0] for a in answers) and answers[0]["created"] == 50
    assert len(_records(hub)) == 50
    assert hub(lambda: db.session.scalar(db.select(Koperasi.last_seq))) == 50


def test_reconcile_counts_and_sums_per_day_and_kind(hub_key):
    records = [record(1, 5_000), record(2, 7_000), record(3, 2_000, kind="refund"), record(4, 1_000, day="2026-11-25")]
    hub_key.post("/sync/batches", body=body(batch(records)))
    days = hub_key.get("/sync/reconcile", {"from": "2026-11-24", "to": "2026-11-25"})["days"]
    assert days == [{"date": "2026-11-24", "kind": "refund", "count": 1, "sum": 2_000},
                    {"date": "2026-11-24", "kind": "sale", "count": 2, "sum": 12_000},
                    {"date": "2026-11-25", "kind": "sale", "count": 1, "sum": 1_000}]


def test_reconcile_reads_daily_sums_equal_to_the_stored_records_after_resends_and_refusals(hub_key, hub):
    """/sync/reconcile answers from the sums ingest keeps; whatever came twice or was refused, they are the
    stored records' own count and amount per day and kind."""
    from sqlalchemy import func
    first = [record(1, 5_000), record(2, 7_000, kind="refund"), record(3, 1_000, day="2026-11-25")]
    hub_key.post("/sync/batches", body=body(batch(first)))
    bad = {**record(5, 3_000), "sha256": "0" * 64}  # refused alone
    again = [first[2], record(4, 4_000), bad, record(6, 6_000, day="2026-11-25")]  # seq 3 sent again
    hub_key.post("/sync/batches", body=body(batch([{**again[0], "seq": 3}] + again[1:], batch_id="again")))
    days = hub_key.get("/sync/reconcile", {"from": "2026-11-24", "to": "2026-11-25"})["days"]
    stored = hub(lambda: db.session.execute(
        db.select(Record.business_date, Record.kind, func.count(), func.sum(Record.amount))
        .group_by(Record.business_date, Record.kind).order_by(Record.business_date, Record.kind)).all())
    assert [(d["date"], d["kind"], d["count"], d["sum"]) for d in days] == \
        [(day.isoformat(), kind, count, int(total)) for day, kind, count, total in stored]
    assert sum(d["count"] for d in days) == 5  # 1, 2, 3, 4 and 6; 3 once, 5 refused
