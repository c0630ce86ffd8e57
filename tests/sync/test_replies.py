"""The sync survives every reply: each failure mode of issue 11 is retried inside the run with backoff,
written to the sync page with its cause in Indonesian, and loses no position (real HTTP, hub on PostgreSQL)."""
from datetime import date, timedelta

import pytest

from posapp import clock
from posapp.extensions import db
from posapp.sync.runner import run_sync
from posapp.wire.models import Outbox
from posapp.wire.state import SyncEvent, SyncRejection, current as sync_state

DAY = date(2026, 11, 24)


@pytest.fixture
def slept(app):
    """The backoff's sleeps, recorded instead of slept (the delays are what is checked)."""
    delays = []
    app.config["SYNC_SLEEP"] = delays.append
    return delays


@pytest.fixture
def queued(enrolled, make_records, monkeypatch):
    monkeypatch.setattr("posapp.sync.uploader.MAX_RECORDS", 10)
    return make_records(25, DAY)


def retries():
    return [e.message for e in db.session.scalars(db.select(SyncEvent).where(SyncEvent.kind == "retry")
                                                  .order_by(SyncEvent.id))]


def assert_all_on_the_hub(hub_holds):
    local = dict(db.session.execute(db.select(Outbox.uuid, Outbox.sha256)).all())
    assert hub_holds() == local
    assert db.session.scalar(db.select(db.func.count()).select_from(Outbox).where(Outbox.acked_at.is_(None))) == 0


@pytest.mark.parametrize("mode, cause", [
    ("empty_answer", "rusak atau terpotong"),          # issue 11.3: an empty 200 became {} and a KeyError
    ("short_answer", "rusak atau terpotong"),          # a truncated 200 that still looks complete
    ("truncate_answer", "terputus di tengah jalan"),   # a 200 cut under its Content-Length
    ("garbage_answer", "rusak atau terpotong"),        # a Wi-Fi login page instead of JSON
    ("duplicate", "nonce sudah terpakai"),             # issue 11.4: the second copy's 401 replayed_nonce
    ("status_500", "HTTP 500"),
    ("status_502", "HTTP 502"),
    ("status_503", "HTTP 503"),
    ("gateway_502", "HTTP 502"),                       # the hub committed, a gateway answered 502
    ("status_429", "429"),
    ("reset", "koneksi"),                              # a reset connection
    ("reset_after", "koneksi"),                        # reset after the hub answered
    ("drop_answer", "koneksi"),                        # the hub committed, the answer never came
    ("cut_body", "koneksi"),                           # the request cut mid-body
])
def test_a_broken_batch_reply_is_retried_in_the_run(queued, proxy, hub_holds, slept, mode, cause):
    proxy.fail_next(mode)
    outcome = run_sync()
    assert outcome["ok"], outcome
    assert proxy.done[mode] == 1 and len(slept) == 1
    assert len(retries()) == 1 and cause in retries()[0] and "mengirim batch s1-10" in retries()[0]
    assert_all_on_the_hub(hub_holds)


@pytest.mark.parametrize("path", ["/api/v1/sync/cursor", "/api/v1/ref/catalogue/changes", "/api/v1/sync/reconcile"])
@pytest.mark.parametrize("mode", ["empty_answer", "garbage_answer", "duplicate", "status_503", "reset"])
def test_every_call_of_the_run_survives_a_broken_reply(queued, proxy, hub_holds, slept, path, mode):
    proxy.fail_next(mode, path=path)
    outcome = run_sync()
    assert outcome["ok"], outcome
    assert proxy.done[mode] == 1 and len(retries()) == 1
    assert_all_on_the_hub(hub_holds)


def test_retry_after_is_honoured(queued, proxy, hub_holds, slept):
    proxy.retry_after = 7
    proxy.fail_next("status_429")
    assert run_sync()["ok"]
    assert slept and slept[0] >= 7  # at least what the hub asked, whatever the jitter drew
    assert "dalam 7 detik" in retries()[0]


def test_a_retry_after_longer_than_a_run_waits_ends_the_run_and_sets_the_next_try(queued, proxy, slept, app):
    app.config["SYNC_MAX_WAIT"] = 600
    proxy.retry_after = 3600
    proxy.fail_next("status_503")
    outcome = run_sync()
    assert not outcome["ok"] and "HTTP 503" in outcome["message"] and slept == []
    state = sync_state()
    assert state.next_retry_at >= clock.now() + timedelta(seconds=3590)
    assert "HTTP 503" in state.last_error


def test_a_run_that_gives_up_keeps_the_position_and_the_next_run_finishes(queued, proxy, hub_holds, slept, app):
    proxy.fail_next("truncate_answer", times=6)  # more than the run's attempts
    proxy.fail_next("empty_answer", times=6)
    outcome = run_sync()
    assert not outcome["ok"] and outcome["code"] == "unreachable"
    assert "Gagal:" in sync_state().last_error and sync_state().next_retry_at is not None
    events = db.session.scalars(db.select(SyncEvent).order_by(SyncEvent.id)).all()
    assert [e.kind for e in events] == ["retry"] * 3 + ["failed"]
    proxy.heal()
    assert run_sync()["ok"]
    assert_all_on_the_hub(hub_holds)


def test_the_sync_page_shows_the_retries_and_their_causes(queued, proxy, slept, manajer_client):
    proxy.fail_next("duplicate")
    proxy.fail_next("status_429")
    manajer_client.post("/sinkronisasi/sekarang")
    page = manajer_client.get("/sinkronisasi/").get_data(as_text=True)
    assert "Riwayat sinkronisasi" in page and "dicoba lagi" in page
    assert "nonce sudah terpakai" in page and "terlalu banyak permintaan" in page
    assert "Sinkronisasi selesai" in page


def test_a_poison_record_already_queued_is_quarantined_and_the_rest_arrives(enrolled, make_records, proxy,
                                                                             hub_holds, manajer_client):
    """Issue 11.1: a NUL in a payment reference, queued before the shop refused it, blocked the sync for
    good. Now the hub refuses that record alone; the shop quarantines it with the reason and the detail."""
    good = make_records(3)
    poison = make_records(1)[0]
    poison.payload = poison.payload.replace('"receipt_no":', '"reference":"QR\\u00001","receipt_no":')
    import hashlib
    poison.sha256 = hashlib.sha256(poison.payload.encode("utf-8")).hexdigest()
    more = make_records(2)
    db.session.commit()
    outcome = run_sync()
    assert outcome["ok"], outcome
    assert set(hub_holds()) == {r.uuid for r in good + more}
    rejection = db.session.scalar(db.select(SyncRejection))
    assert (rejection.seq, rejection.uuid, rejection.code) == (poison.seq, poison.uuid, "bad_text")
    assert "reference" in rejection.detail
    page = manajer_client.get("/sinkronisasi/").get_data(as_text=True)
    assert "tidak bisa disimpan server" in page and "payload.reference" in page
    assert run_sync()["ok"] and db.session.scalar(db.select(db.func.count()).select_from(SyncRejection)) == 1
