"""The sync through a faulty loopback proxy (it drops, delays, truncates and duplicates requests, drops and
damages replies), with the hub (gunicorn on PostgreSQL) and the sync process killed with SIGKILL at random
moments, while the shop keeps recording sales. Afterwards the hub and the shop agree record by record —
0 lost, 0 doubled — and no run ended in an unhandled exception.

POSAPP_FAULT_SYNC_RUNS sets the number of sync runs (100 by default, as in CI); POSAPP_FAULT_SEED another seed.
"""
import json
import os
import queue
import random
import subprocess
import sys
import threading
import time
import uuid as uuidlib
from collections import Counter
from datetime import date

import pytest

from posapp.extensions import db
from posapp.wire.models import Outbox
from posapp.wire.state import SyncRejection
from tests.sync.proxy import FaultyProxy

from .procs import ROOT, hub_server, port_of, report

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(bool(os.environ.get("POSAPP_TEST_PG_URL")),
                                 reason="run once, in the SQLite pass (the hub is on PostgreSQL in both)")]
RUNS = int(os.environ.get("POSAPP_FAULT_SYNC_RUNS", "100"))
SEED = int(os.environ.get("POSAPP_FAULT_SEED", "20261130"))
DAYS = (date(2026, 11, 23), date(2026, 11, 24))
WORKER_CONFIG = """# the fault suite's sync process: quick retries, a short lease
SYNC_BACKOFF_BASE = 0.05
SYNC_BACKOFF_CAP = 0.5
SYNC_MAX_ATTEMPTS = 5
SYNC_MAX_WAIT = 5
SYNC_TIMEOUT = 3
SYNC_LEASE_SECONDS = 2
"""


class SyncWorker:
    """`python -m tests.faults.sync_worker`: one sync per request, killed and started again."""

    def __init__(self, env, log_path):
        self.env, self.log_path, self.process, self.lines = env, log_path, None, None
        self.kills = self.starts = 0

    def start(self):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "tests.faults.sync_worker"], cwd=ROOT,
                                            env=self.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=log, text=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, args=(self.process, self.lines), daemon=True).start()
        assert self._next(60) == {"ready": True}
        self.starts += 1

    @staticmethod
    def _read(process, lines):
        with process.stdout:
            for line in process.stdout:
                lines.put(json.loads(line))
        lines.put(None)

    def _next(self, timeout):
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def run(self, kill_after=None) -> dict:
        """One sync; {"killed": True} when it was killed (SIGKILL) `kill_after` seconds into the run."""
        self.process.stdin.write("run\n")
        self.process.stdin.flush()
        answer = self._next(kill_after) if kill_after is not None else None
        if kill_after is not None and answer is None:
            self.process.kill()  # SIGKILL, mid-run
            self.process.wait(10)
            self.process.stdin.close()
            self.kills += 1
            self.start()
            return {"killed": True}
        answer = answer or self._next(120)
        assert answer is not None, "the sync process hung"
        return answer

    def stop(self):
        self.process.stdin.close()  # the worker's loop ends at EOF
        self.process.wait(10)


@pytest.fixture
def chaos(app, hub_app, hub_database, make_koperasi, tmp_path):
    """The hub under gunicorn, the faulty proxy in front of it, this shop enrolled through the proxy."""
    from posapp.wire.hub_calls import enrol
    hub = hub_server(hub_database, tmp_path / "hub-instance", tmp_path / "hub.log", tmp_path / "hub-access.log")
    hub.start()
    proxy = FaultyProxy(port_of(hub), delay=0.3)
    try:
        _, code = make_koperasi()
        enrol(proxy.url, code)
        db.session.commit()
        instance = app.instance_path
        with open(os.path.join(instance, "config.py"), "w") as config:
            config.write(WORKER_CONFIG)
        env = dict(os.environ, POSAPP_INSTANCE_PATH=instance, POSAPP_DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"])
        worker = SyncWorker(env, tmp_path / "worker.log")
        worker.start()
        yield hub, proxy, worker
        worker.stop()
    finally:
        proxy.close()
        hub.stop()


def make_records(rng, counter):
    """A few facts recorded while syncs go on, as the tills would (sales, refunds, journal entries)."""
    from posapp.edge import transaction
    from posapp.wire.outbox import enqueue
    with transaction():
        for _ in range(rng.randint(0, 6)):
            counter["n"] += 1
            kind = rng.choice(("sale", "sale", "refund", "journal_entry", "shift_close"))
            record_uuid, total = str(uuidlib.uuid4()), rng.randint(1, 500) * 500
            payload = {"uuid": record_uuid, "kind": kind, "receipt_no": f"KOP01-{counter['n']:05d}"}
            if kind == "journal_entry":
                payload["lines"] = [{"account": "1101", "debit": total, "credit": 0},
                                    {"account": "4101", "debit": 0, "credit": total}]
            else:
                payload["total"] = total
            enqueue(kind, record_uuid, rng.choice(DAYS), payload)


def hub_statuses(access_log) -> Counter:
    statuses = Counter()
    if os.path.exists(access_log):
        with open(access_log, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line[:3].isdigit():
                    statuses[int(line[:3])] += 1
    return statuses


def test_sync_through_chaos_loses_and_doubles_nothing(chaos, hub, tmp_path, tmp_path_factory):
    hub_process, proxy, worker = chaos
    rng, counter, outcomes = random.Random(SEED), {"n": 0}, Counter()
    exceptions, restarts = [], []
    proxy.set_chaos(0.25, seed=SEED)
    started = time.monotonic()
    for run in range(RUNS):
        make_records(rng, counter)
        roll, kill_after = rng.random(), None
        if run % 12 == 5 or roll < 0.04:  # the hub dies during the run and comes back a moment later
            restart = threading.Timer(rng.uniform(0.0, 0.6), lambda: (hub_process.kill(), hub_process.start()))
            restart.start()
            restarts.append(restart)
        elif run % 10 == 7 or roll < 0.1:  # the sync process is killed during the run
            kill_after = rng.uniform(0.02, 0.8)
        answer = worker.run(kill_after)
        for restart in restarts:
            restart.join(60)
        outcome = answer.get("outcome") or {}
        if "exception" in answer or outcome.get("code") == "internal":
            exceptions.append(answer.get("exception") or outcome.get("message"))
        outcomes["killed" if answer.get("killed") else "exception" if "exception" in answer else
                 "ok" if outcome.get("ok") else "skipped" if outcome.get("skipped") else
                 f"failed:{outcome.get('code')}"] += 1
    chaos_seconds = round(time.monotonic() - started)
    proxy.heal()
    final = [worker.run() for _ in range(3)]  # one clean run finishes what is left (a lease may still run out)
    while not any(a.get("outcome", {}).get("ok") for a in final) and len(final) < 10:
        time.sleep(1)
        final.append(worker.run())
    lost, doubled, unacked, unequal, quarantined = agreement(hub)
    statuses = hub_statuses(tmp_path / "hub-access.log")
    counts = {"sync_runs": RUNS, "outcomes": dict(outcomes), "records": counter["n"],
              "faults_injected": proxy.faults_done + hub_process.kills + worker.kills,
              "proxy_faults": dict(proxy.done), "hub_kills": hub_process.kills, "sync_process_kills": worker.kills,
              "unhandled_exceptions": len(exceptions), "lost": lost, "doubled": doubled, "unacked": unacked,
              "reconcile_unequal": unequal, "quarantined": quarantined,
              "hub_server_errors_5xx": sum(n for s, n in statuses.items() if s >= 500),
              "violations": len(exceptions) + lost + doubled + unacked + unequal + quarantined,
              "seconds": chaos_seconds}
    report("sync-chaos", counts, tmp_path_factory)
    assert any(a.get("outcome", {}).get("ok") for a in final), final
    assert exceptions == [], exceptions[:3]
    assert counts["violations"] == 0 and counts["hub_server_errors_5xx"] == 0, counts
    assert RUNS >= 100 or os.environ.get("POSAPP_FAULT_SYNC_RUNS")
    assert hub_process.kills >= 1 and worker.kills >= 1 and proxy.faults_done >= RUNS // 2, counts


def agreement(hub):
    """(lost, doubled, unacked, reconcile rows unequal, quarantined) between this shop and the hub."""
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.facts import Record
    from posapp.sync.reconcile import reconcile
    from posapp.sync.runner import client_for
    from posapp.wire.state import current
    db.session.expire_all()
    rows = hub(lambda: hub_db.session.execute(hub_db.select(Record.uuid, Record.sha256)
                                              .where(Record.shop_id == 1)).all())
    held, local = dict(rows), dict(db.session.execute(db.select(Outbox.uuid, Outbox.sha256)).all())
    lost = len([u for u, sha in local.items() if held.get(u) != sha])
    doubled = len(rows) - len(held) + len(set(held) - set(local))
    unacked = db.session.scalar(db.select(db.func.count()).select_from(Outbox).where(Outbox.acked_at.is_(None)))
    days = reconcile(client_for(current()), DAYS[0], DAYS[1])
    quarantined = db.session.scalar(db.select(db.func.count()).select_from(SyncRejection))
    return lost, doubled, unacked, sum(1 for row in days if not row["equal"]), quarantined
