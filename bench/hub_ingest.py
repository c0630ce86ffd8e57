"""Hub ingest under gunicorn (4 gthread workers, its own processes) with 20 and 100 shops posting 500-record
batches at once, against the floor in the same run: the same records by COPY into a staging table plus one
INSERT … SELECT … ON CONFLICT DO NOTHING per batch, from as many connections. Also what a record costs on disk.
The hub is warmed up first by a few other shops' batches, as it is after the first minutes of a night.
BENCH_SYNC_SCALE scales the batches per shop (default 0.25: 2 batches)."""
import os
import threading
import time

import sqlalchemy as sa

from bench import hubsim
from bench.common import make_app, percentile

SCALE = float(os.environ.get("BENCH_SYNC_SCALE", "0.25"))
BATCHES_PER_SHOP = max(2, int(10 * SCALE))
WORKERS = 4
WARM_UP_SHOPS = 12  # their batches, not timed, reach every worker before the timed runs (imports, connections)
YEAR_ROWS_6000_SHOPS = 6000 * 1000 * 365  # sync.md: ~1,000 rows a shop a night


def run(report):
    if not hubsim.pg_reachable():
        print("hub ingest bench skipped: PostgreSQL not reachable at 127.0.0.1:5432")
        return
    shop_app, _ = make_app()
    with hubsim.database() as url, hubsim.gunicorn(url, workers=WORKERS) as base:
        keys = hubsim.enrol(url, base, 120 + WARM_UP_SHOPS)
        sales = 250 * BATCHES_PER_SHOP
        shops = [hubsim.outbox_rows(sales, seed=n, **hubsim.recent(sales)) for n in range(120 + WARM_UP_SHOPS)]
        _app(shop_app, base, keys[120:], shops[120:])  # a hub at work all night: warm workers and pools
        floor = _floor(url, shops[:20], "floor_20")
        rate, p99 = _app(shop_app, base, keys[:20], shops[:20])
        report("hub_ingest_20_shops", rate, "rows/s", floor)
        report("hub_ingest_20_shops_batch_p99", p99 * 1000, "ms")
        floor = _floor(url, shops[20:], "floor_100")
        rate, p99 = _app(shop_app, base, keys[20:], shops[20:])
        report("hub_ingest_100_shops", rate, "rows/s", floor)
        report("hub_ingest_100_shops_batch_p99", p99 * 1000, "ms")
        _storage(report, url)


def _app(shop_app, base, keys, shops):
    """Every shop in its own thread sends its batches in turn, as the runner does; rows/s and p99 latency."""
    from posapp.sync.runner import retrying
    counts, latencies, lock = hubsim.Counts(), [], threading.Lock()
    bodies = [hubsim.batch_bodies(rows) for rows in shops]

    def shop(index):
        with shop_app.app_context():
            poster = hubsim.Poster(base, *keys[index], counts)
            hubsim.catch_up(poster, bodies[index], retrying(), latencies, lock)
    elapsed = _threads(shop, len(shops))
    assert counts.timeouts == 0, f"{counts.timeouts} client timeouts"
    return sum(len(rows) for rows in shops) / elapsed, percentile(latencies, 99)


def _threads(target, count) -> float:
    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def _floor(url, shops, table, connections=20) -> float:
    """The same records straight into PostgreSQL: per batch, COPY into a temporary staging table and one
    INSERT … SELECT … ON CONFLICT DO NOTHING into a table shaped like hub_record (no partitions, primary key
    (shop_id, uuid)); at most 20 connections (each takes the next shop's batches in turn)."""
    import queue
    import psycopg
    dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE TABLE {table} (shop_id int NOT NULL, business_date date NOT NULL, uuid uuid NOT NULL,"
                     " seq bigint NOT NULL, kind varchar(30) NOT NULL, amount bigint NOT NULL, sha256 varchar(64)"
                     " NOT NULL, payload text NOT NULL, received_at timestamp, PRIMARY KEY (shop_id, uuid))")
    todo = queue.SimpleQueue()
    for index in range(len(shops)):
        todo.put(index)

    def worker(_n):
        with psycopg.connect(dsn) as conn:
            conn.execute(f"CREATE TEMP TABLE staging (LIKE {table}) ON COMMIT DELETE ROWS")
            conn.commit()
            while True:
                try:
                    index = todo.get_nowait()
                except queue.Empty:
                    return
                for start in range(0, len(shops[index]), 500):
                    _floor_batch(conn, table, index + 1, shops[index][start:start + 500])
    elapsed = _threads(worker, min(connections, len(shops)))
    return sum(len(rows) for rows in shops) / elapsed


def _floor_batch(conn, table, shop_id, rows):
    with conn.cursor().copy("COPY staging (shop_id, business_date, uuid, seq, kind, amount, sha256, payload,"
                            " received_at) FROM STDIN") as copy:
        for seq, kind, record_uuid, day, text, sha in rows:
            copy.write_row((shop_id, day, record_uuid, seq, kind, 0, sha, text, "2026-01-01 00:00:00"))
    conn.execute(f"INSERT INTO {table} SELECT * FROM staging ON CONFLICT DO NOTHING")
    conn.commit()


def _storage(report, url):
    """Bytes a record costs on disk: its partition row, TOAST, primary key, its key row and the sums."""
    with sa.create_engine(url).connect() as conn:
        conn.execute(sa.text("CHECKPOINT"))
    sizes, rows = hubsim.storage_bytes(url), hubsim.stored_records(url)
    per_record = sum(sizes.values()) / rows
    report("hub_bytes_per_record", per_record, "bytes")
    report("hub_record_key_bytes_per_record", sizes["hub_record_key"] / rows, "bytes")
    report("hub_year_6000_shops", per_record * YEAR_ROWS_6000_SHOPS / 1e12, "TB")
