"""Sync: a busy shop's year through the real protocol over loopback vs a raw PostgreSQL COPY of the same
rows; hub ingest with 20 shops at once. BENCH_SYNC_SCALE scales it (1 = a full year, 100,000 sales; the default 0.25 keeps the run near a minute)."""
import hashlib
import json
import os
import random
import sqlite3
import threading
import time
import uuid as uuidlib
from datetime import date, datetime, timedelta, timezone

import sqlalchemy as sa

from bench.common import make_app, percentile

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SALES = int(100_000 * float(os.environ.get("BENCH_SYNC_SCALE", "0.25")))
SHOPS, BATCHES_PER_SHOP = 20, max(2, int(10 * float(os.environ.get("BENCH_SYNC_SCALE", "0.25"))))


def run(report):
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError:
        print("sync bench skipped: PostgreSQL not reachable at 127.0.0.1:5432")
        return
    name = f"bench_sync_{uuidlib.uuid4().hex[:8]}"
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        _run(report, sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False))
    finally:
        with server.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        server.dispose()


def _run(report, url):
    import logging
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would drown the report
    from werkzeug.serving import make_server
    from posapp.hub import create_app
    from posapp.hub.config import HubConfig
    from posapp.hub.extensions import db as hub_db
    hub_app = create_app(type("C", (HubConfig,), {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
                                                  "HUB_NOW": staticmethod(lambda: datetime.now(timezone.utc))}))
    with hub_app.app_context():
        hub_db.create_all()
    http = make_server("127.0.0.1", 0, hub_app, threaded=True)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{http.server_port}"
    try:
        rows = _one_shop_year(report, hub_app, base)
        _copy_baseline(report, url, rows)
        _twenty_shops(report, hub_app, base)
    finally:
        http.shutdown()
        with hub_app.app_context():
            hub_db.engine.dispose()


def _enrol(hub_app, base, code):
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.service import add_koperasi, issue_code
    from posapp.wire.client import HubClient
    with hub_app.app_context():
        enrol_code = issue_code(add_koperasi(code, f"Kopontren {code}"))
        hub_db.session.commit()
    answer = HubClient(base).post("/enroll", {"code": enrol_code}, signed=False)
    return answer


def _payloads(count, seed=1):
    """A busy shop's year: sales of ~4 lines and the journal entry of each."""
    rng, day0 = random.Random(seed), date(2026, 1, 1)
    for n in range(count):
        day = day0 + timedelta(days=n * 365 // count)
        lines = [{"sku": f"SKU-{rng.randrange(1, 3000):06d}", "name": "Produk OPOP", "qty": rng.randint(1, 3),
                  "unit_price": 5_000, "list_price": 5_000, "discount": 0, "total": 0, "unit_cost": 3_500}
                 for _ in range(4)]
        for line in lines:
            line["total"] = line["qty"] * line["unit_price"]
        total, sale_uuid = sum(line["total"] for line in lines), str(uuidlib.uuid4())
        yield "sale", sale_uuid, day, {"uuid": sale_uuid, "kind": "sale", "receipt_no": f"KOP01-{n:07d}",
                                       "business_date": day.isoformat(), "total": total, "lines": lines,
                                       "payments": [{"method": "tunai", "amount": total, "reference": ""}]}
        entry_uuid = str(uuidlib.uuid4())
        yield "journal_entry", entry_uuid, day, {"uuid": entry_uuid, "source_uuid": sale_uuid, "lines": [
            {"account": "1101", "debit": total, "credit": 0}, {"account": "4101", "debit": 0, "credit": total}]}


def _fill_outbox(db_path, count):
    rows = []
    for seq, (kind, record_uuid, day, payload) in enumerate(_payloads(count), start=1):
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        rows.append((seq, kind, record_uuid, day.isoformat(), text, hashlib.sha256(text.encode()).hexdigest(),
                     "2026-01-01 00:00:00.000000"))
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO outbox (seq, kind, uuid, business_date, payload, sha256, created_at)"
                         " VALUES (?,?,?,?,?,?,?)", rows)
    conn.close()
    return rows


def _one_shop_year(report, hub_app, base):
    from posapp.extensions import db
    from posapp.wire.state import state
    from posapp.sync.runner import run_sync
    app, db_path = make_app()
    rows = _fill_outbox(db_path, SALES)
    answer = _enrol(hub_app, base, "KOP01")
    with app.app_context():
        current = state()
        current.hub_url, current.shop_code, current.key_id, current.secret = base, "KOP01", answer["key_id"], answer["secret"]
        db.session.commit()
        started = time.perf_counter()
        outcome = run_sync()
        elapsed = time.perf_counter() - started
    assert outcome["ok"] and outcome["sent"] == len(rows), outcome
    report("sync_upload_year_records_per_s", len(rows) / elapsed, "records/s")
    _upload_rate[0] = len(rows) / elapsed
    return rows


_upload_rate = [0.0]


def _copy_baseline(report, url, rows):
    """The floor: the same rows COPY'd straight into a table shaped like hub_record."""
    import psycopg
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        conn.execute("CREATE TABLE copy_target (LIKE hub_record INCLUDING ALL)")
        started = time.perf_counter()
        with conn.cursor().copy("COPY copy_target (shop_id, uuid, seq, kind, business_date, amount, sha256, payload,"
                                " received_at) FROM STDIN") as copy:
            for seq, kind, record_uuid, day, text, digest, _ in rows:
                copy.write_row((1, record_uuid, seq, kind, day, 0, digest, text, "2026-01-01 00:00:00+00"))
        conn.commit()
        elapsed = time.perf_counter() - started
    report("sync_upload_vs_pg_copy", _upload_rate[0], "records/s", len(rows) / elapsed)


def _twenty_shops(report, hub_app, base):
    """20 shops posting 500-record batches at once: hub rows per second and p99 batch latency."""
    from posapp.wire.client import HubClient
    clients = []
    for n in range(SHOPS):
        answer = _enrol(hub_app, base, f"KOP{n + 100}")
        clients.append(HubClient(base, answer["key_id"], answer["secret"]))
    bodies = [[_batch_body(shop, b) for b in range(BATCHES_PER_SHOP)] for shop in range(SHOPS)]
    latencies, lock = [], threading.Lock()

    def shop(index):
        for body in bodies[index]:
            started = time.perf_counter()
            clients[index].post("/sync/batches", body=body)
            with lock:
                latencies.append(time.perf_counter() - started)
    threads = [threading.Thread(target=shop, args=(i,)) for i in range(SHOPS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    report("hub_ingest_20_shops_rows_per_s", SHOPS * BATCHES_PER_SHOP * 500 / elapsed, "rows/s")
    report("hub_ingest_20_shops_batch_p99", percentile(latencies, 99) * 1000, "ms")


def _batch_body(shop, number):
    records, first = [], number * 500 + 1
    payloads = _payloads(250, seed=shop * 1000 + number)
    for offset, (kind, record_uuid, day, payload) in enumerate(payloads):
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        records.append('{"seq":%d,"kind":"%s","uuid":"%s","business_date":"%s","sha256":"%s","payload":%s}' % (
            first + offset, kind, record_uuid, day.isoformat(), hashlib.sha256(text.encode()).hexdigest(), text))
    return ('{"batch_id":"s%d-%d","from_seq":%d,"to_seq":%d,"records":[%s]}' % (
        first, first + 499, first, first + 499, ",".join(records))).encode()
