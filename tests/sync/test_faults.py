"""Fault scenarios: after each, one clean sync leaves the hub with exactly the shop's records."""
import threading
from datetime import date, datetime, timedelta, timezone

import pytest

from posapp.extensions import db
from posapp.wire.models import Outbox
from posapp.sync.runner import client_for, run_sync
from posapp.sync.reconcile import reconcile
from posapp.wire.state import current as sync_state

DAYS = (date(2026, 11, 23), date(2026, 11, 24))


def assert_exactly_in_sync(hub_holds):
    """No loss, no double, every record acked, and /sync/reconcile equal per day."""
    outcome = run_sync()
    assert outcome["ok"], outcome
    local = dict(db.session.execute(db.select(Outbox.uuid, Outbox.sha256)).all())
    assert hub_holds() == local
    assert db.session.scalar(db.select(db.func.count()).select_from(Outbox).where(Outbox.acked_at.is_(None))) == 0
    rows = reconcile(client_for(sync_state()), DAYS[0], DAYS[1])
    assert rows and all(row["equal"] for row in rows), rows


@pytest.fixture
def year_of_records(enrolled, make_records, monkeypatch):
    monkeypatch.setattr("posapp.sync.uploader.MAX_RECORDS", 40)  # several batches from a small outbox
    make_records(70, DAYS[0])
    make_records(55, DAYS[1], kind="refund", total=2_000)


def test_connection_cut_mid_body(year_of_records, proxy, hub_holds):
    proxy.fail_next("cut_body")
    assert run_sync()["ok"]  # the cut batch is retried with backoff in the same run
    assert proxy.faults_done == 1
    assert_exactly_in_sync(hub_holds)


def test_hub_dies_after_commit_before_answering(year_of_records, proxy, hub_holds, app):
    app.config["SYNC_MAX_ATTEMPTS"] = 1  # the run fails: the shop never heard the answer
    proxy.fail_next("drop_answer")
    assert not run_sync()["ok"]
    assert proxy.faults_done == 1 and len(hub_holds()) == 40
    app.config["SYNC_MAX_ATTEMPTS"] = 4
    assert_exactly_in_sync(hub_holds)


def test_shop_dies_before_recording_the_ack(year_of_records, app, hub_holds):
    class Killed(BaseException):
        pass

    def die():
        raise Killed
    app.config["SYNC_FAULTS"] = {"before_ack": die}
    with pytest.raises(Killed):
        run_sync()
    db.session.rollback()
    assert len(hub_holds()) == 40 and db.session.scalar(
        db.select(db.func.count()).select_from(Outbox).where(Outbox.acked_at.isnot(None))) == 0
    app.config["SYNC_FAULTS"] = {}
    assert_exactly_in_sync(hub_holds)


def test_two_syncs_racing(year_of_records, app, hub_holds):
    outcomes = []

    def sync():
        with app.app_context():
            outcomes.append(run_sync())
            db.session.remove()
    threads = [threading.Thread(target=sync) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert any(o["ok"] for o in outcomes)
    assert all(o["ok"] or o.get("skipped") for o in outcomes), outcomes
    assert_exactly_in_sync(hub_holds)


def test_shop_clock_three_days_off(year_of_records, frozen_clock, hub_holds):
    frozen_clock(datetime.now(timezone.utc) + timedelta(days=3))
    assert_exactly_in_sync(hub_holds)
    assert sync_state().clock_offset == pytest.approx(-3 * 86400, abs=120)


def test_hub_down_all_night_then_back(year_of_records, proxy, hub_holds):
    proxy.refuse()
    outcome = run_sync()
    assert not outcome["ok"] and "koneksi" in outcome["message"]  # refused, or reset on accept
    state = sync_state()
    assert state.next_retry_at is not None and state.last_success_at is None
    from posapp.sync.status import chip
    assert chip()["tone"] == "error" and "coba lagi" in chip()["text"]
    proxy.heal()
    assert_exactly_in_sync(hub_holds)
    assert chip()["tone"] == "ok"


def test_new_sales_after_a_sync_go_up_next_time(enrolled, make_records, hub_holds):
    make_records(3)
    assert run_sync()["sent"] == 3
    make_records(2)
    assert run_sync()["sent"] == 2
    assert_exactly_in_sync(hub_holds)
