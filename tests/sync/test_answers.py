"""Answers of the wrong shape are retried, never a KeyError; a rejection with `"seq": null` is still quarantined."""
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from posapp.edge import transaction
from posapp.extensions import db
from posapp.sync import answers, uploader
from posapp.sync.status import attention_rows, reason_text
from posapp.wire.client import BadAnswer, retry_after
from posapp.wire.state import SyncRejection


@pytest.mark.parametrize("data", [{}, {"last_seq": None}, {"last_seq": "5"}, {"last_seq": -1}, {"last_seq": 2 ** 63},
                                  {"last_seq": True}])
def test_a_cursor_without_a_seq_is_a_bad_answer(data):
    with pytest.raises(BadAnswer, match="last_seq"):
        answers.cursor(data)


@pytest.mark.parametrize("data", [
    {}, {"accepted_through_seq": 10}, {"accepted_through_seq": 10, "results": {}},
    {"accepted_through_seq": 9, "results": {"rejected": []}},           # short of the batch it answers
    {"accepted_through_seq": 10, "results": {"rejected": [5]}},
    {"accepted_through_seq": 10, "results": {"rejected": [{"seq": 5}]}},
    {"accepted_through_seq": "10", "results": {"rejected": []}},
])
def test_a_batch_answer_of_the_wrong_shape_is_a_bad_answer(data):
    with pytest.raises(BadAnswer):
        answers.batch(data, 1, 10)


def test_rejections_are_read_safely():
    through, rejected = answers.batch({"accepted_through_seq": 12, "results": {"rejected": [
        {"seq": None, "uuid": "u-1", "code": "bad_record", "detail": "record bukan objek"},
        {"seq": 99, "uuid": "u-2", "code": "bad_seq"},
        {"seq": 3, "uuid": "u\x003", "code": "bad_text", "detail": "x" * 900}]}}, 1, 10)
    assert through == 12
    assert [r["seq"] for r in rejected] == [None, None, 3]
    assert rejected[2]["uuid"] == "u3" and len(rejected[2]["detail"]) == 500 and rejected[1]["detail"] == ""


@pytest.mark.parametrize("data", [{"changes": None, "last_seq": 1}, {"changes": [], "last_seq": "x"},
                                  {"changes": [{"seq": 1, "payload": {}}], "last_seq": 1},
                                  {"changes": [{"key": "a", "seq": 1}], "last_seq": 1}])
def test_a_feed_page_of_the_wrong_shape_is_a_bad_answer(data):
    with pytest.raises(BadAnswer):
        answers.feed_page(data)


def test_an_empty_page_that_claims_more_ends_the_pull():
    assert answers.feed_page({"changes": [], "last_seq": 4, "has_more": True})["has_more"] is False


@pytest.mark.parametrize("data", [{}, {"days": [{"date": "2026-11-24", "kind": "sale", "count": 1}]},
                                  {"days": [{"date": "2026-11-24", "kind": "sale", "count": 1, "sum": 1.5}]}])
def test_a_reconcile_answer_of_the_wrong_shape_is_a_bad_answer(data):
    with pytest.raises(BadAnswer):
        answers.reconcile_days(data)


def test_retry_after_in_seconds_or_as_a_date():
    assert retry_after("120") == 120 and retry_after(None) is None and retry_after("soon") is None
    assert retry_after("9" * 40) == 24 * 3600
    later = datetime.now(timezone.utc) + timedelta(seconds=90)
    assert 80 <= retry_after(format_datetime(later, usegmt=True)) <= 91


def test_a_rejection_with_seq_null_is_found_by_its_uuid_or_kept_without_a_seq(app, make_records):
    rows = make_records(3, date(2026, 11, 24))
    _, rejected = answers.batch({"accepted_through_seq": 3, "results": {"rejected": [
        {"seq": None, "uuid": rows[1].uuid, "code": "bad_text", "detail": "payload.reference: teks berisi NUL"},
        {"seq": None, "uuid": "not-in-this-batch", "code": "bad_record", "detail": "record bukan objek"}]}}, 1, 3)
    with transaction():
        uploader.record_answer(rows, 3, rejected)
    with transaction():  # the same answer again (a re-sent batch): nothing quarantined twice
        uploader.record_answer(rows, 3, rejected)
    stored = db.session.scalars(db.select(SyncRejection).order_by(SyncRejection.id)).all()
    assert [(r.seq, r.code) for r in stored] == [(rows[1].seq, "bad_text"), (None, "bad_record")]
    listed = attention_rows()
    assert {r["seq"] for r in listed} == {rows[1].seq, None}
    assert any(r["detail"] == "payload.reference: teks berisi NUL" and r["reason"] == reason_text("bad_text")
               for r in listed)


def test_every_hub_reason_has_indonesian_words():
    from posapp.hub.reasons import REASONS as HUB_REASONS
    from posapp.sync.status import REASONS
    assert set(HUB_REASONS) <= set(REASONS)
    assert all(REASONS[code] != code for code in HUB_REASONS)
