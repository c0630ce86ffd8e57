"""Leases that die with their holder: a sync killed mid-run blocks the next one for at most a minute
(issue 11.5: it blocked sync for 15 minutes); a living run keeps its lease with a heartbeat."""
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from posapp import clock
from posapp.extensions import db
from posapp.sync import lock
from posapp.sync.runner import run_sync
from posapp.wire.state import SyncState

ROOT = Path(__file__).resolve().parents[2]


def lease_row():
    db.session.expire_all()
    row = db.session.get(SyncState, 1)
    return row.lock_owner, row.lock_until


def test_a_dead_holders_lease_runs_out_within_a_minute(enrolled, make_records, frozen_clock):
    make_records(2)
    dead = lock.acquire()  # taken, then its process dies: nobody releases or renews it
    assert dead and run_sync()["skipped"]
    frozen_clock(clock.now_wib().replace(tzinfo=None) + timedelta(seconds=61))
    outcome = run_sync()
    assert outcome["ok"], outcome
    assert lease_row() == ("", None)


def test_a_living_run_keeps_its_lease_with_a_heartbeat(enrolled, make_records, app):
    app.config["SYNC_LEASE_SECONDS"] = 0.4  # renewed every 0.1 s
    make_records(3)
    inside, leave = threading.Event(), threading.Event()

    def slow_ack():
        inside.set()
        leave.wait(5)
    app.config["SYNC_FAULTS"] = {"before_ack": slow_ack}
    outcomes = []

    def sync():
        with app.app_context():
            outcomes.append(run_sync())
            db.session.remove()
    thread = threading.Thread(target=sync)
    thread.start()
    assert inside.wait(10)
    time.sleep(1.2)  # three leases long: without the heartbeat another run would take over
    owner, until = lease_row()
    assert owner and until > clock.now()
    assert run_sync()["skipped"]
    leave.set()
    thread.join(30)
    assert outcomes and outcomes[0]["ok"], outcomes
    assert lease_row() == ("", None)


def test_a_run_that_lost_its_lease_stops_before_the_next_batch(enrolled, make_records, app, monkeypatch):
    monkeypatch.setattr("posapp.sync.uploader.MAX_RECORDS", 2)
    make_records(6)

    def stolen():  # this process froze past its lease and another sync took it
        db.session.execute(db.update(SyncState).values(lock_owner="another"))
    monkeypatch.setattr(lock, "refresh", lambda owner: stolen() or False)
    app.config["SYNC_LEASE_SECONDS"] = 0.2
    app.config["SYNC_FAULTS"] = {"before_ack": lambda: time.sleep(0.2)}
    outcome = run_sync()
    assert not outcome["ok"] and outcome["code"] == "lease_lost", outcome


def test_a_sync_process_killed_mid_run_frees_the_lease_within_a_minute(enrolled, make_records, proxy, database_url,
                                                                       tmp_path, frozen_clock):
    """kill -9 of `flask sync run` while it waits for the hub; the next sync starts a minute later."""
    frozen_clock(None)
    make_records(3)
    proxy.delay = 60  # the batch upload hangs: the process is mid-run when it is killed
    proxy.fail_next("delay")
    env = dict(os.environ, POSAPP_DATABASE_URL=database_url, POSAPP_INSTANCE_PATH=str(tmp_path / "instance"))
    process = subprocess.Popen([sys.executable, "-m", "flask", "--app", "posapp", "sync", "run"], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proxy.done["delay"] == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proxy.done["delay"] == 1 and lease_row()[0], "the sync process never got to the upload"
        time.sleep(0.5)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    killed_at = datetime.now(timezone.utc)
    owner, until = lease_row()
    assert owner and until - killed_at <= timedelta(seconds=61)  # the lease it left is at most a minute long
    assert run_sync()["skipped"]
    proxy.heal()
    frozen_clock(clock.to_wib(until).replace(tzinfo=None) + timedelta(seconds=1))
    assert run_sync()["ok"]
