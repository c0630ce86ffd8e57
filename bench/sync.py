"""Sync: a busy shop's year through the real runner (signed, gzip'd batches over loopback to the hub served by
gunicorn) vs a raw PostgreSQL COPY of the same rows; the uploader's batch size, 1,000 against 500 records.
BENCH_SYNC_SCALE scales it (1 = a full year, 100,000 sales; the default 0.25 keeps the run near a minute).
The hub's own ingest under many shops is bench/hub_ingest.py."""
import os
import sqlite3
import time
from unittest import mock

import sqlalchemy as sa

from bench import hubsim
from bench.common import make_app

SALES = int(100_000 * float(os.environ.get("BENCH_SYNC_SCALE", "0.25")))


def run(report):
    if not hubsim.pg_reachable():
        print("sync bench skipped: PostgreSQL not reachable at 127.0.0.1:5432")
        return
    with hubsim.database("bench_sync") as url, hubsim.gunicorn(url, workers=4) as base:
        keys = hubsim.enrol(url, base, 2, prefix="KOP")
        rows = hubsim.outbox_rows(SALES, seed=1)
        copy_rate = _copy_baseline(url, rows)
        rate = _one_shop_year(base, "KOP0000", keys[0], rows)
        report("sync_upload_vs_pg_copy", rate, "records/s", copy_rate)
        from posapp.sync import uploader
        with mock.patch.object(uploader, "MAX_RECORDS", 500), mock.patch.object(uploader, "MAX_BYTES", 1024 * 1024):
            rate_500 = _one_shop_year(base, "KOP0001", keys[1], hubsim.outbox_rows(SALES, seed=2))
        report("sync_upload_500_per_batch", rate_500, "records/s", rate)


def _one_shop_year(base, code, key, rows) -> float:
    """The shop's outbox holds a busy year; one `run_sync` sends it all. Returns records per second."""
    from posapp.extensions import db
    from posapp.sync.runner import run_sync
    from posapp.wire.state import state
    app, db_path = make_app()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO outbox (seq, kind, uuid, business_date, payload, sha256, created_at)"
                         " VALUES (?,?,?,?,?,?, '2026-01-01 00:00:00.000000')", rows)
    conn.close()
    with app.app_context():
        current = state()
        current.hub_url, current.shop_code, current.key_id, current.secret = base, code, *key
        db.session.commit()
        started = time.perf_counter()
        outcome = run_sync()
        elapsed = time.perf_counter() - started
    assert outcome["ok"] and outcome["sent"] == len(rows), outcome
    return len(rows) / elapsed


def _copy_baseline(url, rows) -> float:
    """The floor: the same rows COPY'd straight into a table shaped like hub_record."""
    import psycopg
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE copy_target (shop_id int NOT NULL, business_date date NOT NULL, uuid uuid NOT NULL,"
                     " seq bigint NOT NULL, kind varchar(30) NOT NULL, amount bigint NOT NULL, sha256 varchar(64)"
                     " NOT NULL, payload text NOT NULL, received_at timestamp,"
                     " PRIMARY KEY (shop_id, business_date, uuid))")
        started = time.perf_counter()
        with conn.cursor().copy("COPY copy_target (shop_id, uuid, seq, kind, business_date, amount, sha256, payload,"
                                " received_at) FROM STDIN") as copy:
            for seq, kind, record_uuid, day, text, digest in rows:
                copy.write_row((1, record_uuid, seq, kind, day, 0, digest, text, "2026-01-01 00:00:00"))
        conn.commit()
        elapsed = time.perf_counter() - started
    return len(rows) / elapsed
