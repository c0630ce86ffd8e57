"""How a 500-record batch goes into PostgreSQL, side by side on one connection (the database part of an ingest,
commit included): the statements the hub used before (multi-row VALUES pages + an `IN (…)` list), executemany,
a claim over arrays + COPY, and what the hub does now (COPY of the keys and the records); the floor is COPY
into a staging table + one INSERT … SELECT … ON CONFLICT DO NOTHING. Median of 30 batches each."""
import statistics
import time
from datetime import datetime, timezone

import sqlalchemy as sa

from bench import hubsim

BATCHES = 30


def run(report):
    if not hubsim.pg_reachable():
        print("hub statements bench skipped: PostgreSQL not reachable at 127.0.0.1:5432")
        return
    import psycopg
    with hubsim.database("bench_stmt") as url:
        dsn = sa.engine.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        rows = hubsim.outbox_rows(250 * (BATCHES + 5), seed=5, **hubsim.recent(250 * (BATCHES + 5)))
        batches = [rows[i:i + 500] for i in range(0, len(rows), 500)]
        with psycopg.connect(dsn) as conn:
            _prepare(conn, batches)
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            floor = _median(conn, batches, lambda b: _floor(conn, b, now))
            for name, way in (("values_in", _values_in), ("executemany", _executemany),
                              ("arrays_copy", _arrays_copy), ("copy_copy", _copy_copy)):
                _reset(conn)
                report(f"hub_store_500_{name}", _median(conn, batches, lambda b, w=way: w(conn, b, now)), "ms", floor)


def _prepare(conn, batches):
    from posapp.hub.partitions import month_of, partition_name, next_month
    months = {month_of(datetime.fromisoformat(r[3]).date()) for b in batches for r in b}
    for month in months:
        conn.execute(f"CREATE TABLE IF NOT EXISTS {partition_name(month)} PARTITION OF hub_record"
                     f" FOR VALUES FROM ('{month}') TO ('{next_month(month)}')")
    conn.execute("CREATE TABLE floor (LIKE hub_record INCLUDING DEFAULTS)")
    conn.execute("ALTER TABLE floor ADD PRIMARY KEY (shop_id, uuid)")
    conn.execute("CREATE TEMP TABLE staging (LIKE floor) ON COMMIT DELETE ROWS")
    conn.commit()


def _reset(conn):
    conn.execute("TRUNCATE hub_record, hub_record_key")
    conn.commit()


def _median(conn, batches, store) -> float:
    times = []
    for batch in batches:
        started = time.perf_counter()
        store(batch)
        conn.commit()
        times.append(time.perf_counter() - started)
    return statistics.median(times[3:]) * 1000  # the first ones prepare statements


def _floor(conn, batch, now):
    with conn.cursor().copy("COPY staging (shop_id, business_date, uuid, seq, kind, amount, sha256, payload,"
                            " received_at) FROM STDIN") as copy:
        for seq, kind, record_uuid, day, text, sha in batch:
            copy.write_row((1, day, record_uuid, seq, kind, 0, sha, text, now))
    conn.execute("INSERT INTO floor SELECT * FROM staging ON CONFLICT DO NOTHING")


def _row(r, now):
    seq, kind, record_uuid, day, text, sha = r
    return (1, day, record_uuid, seq, kind, 0, sha, text, now)


def _values_in(conn, batch, now):
    """Before: a cross-shop check with `uuid IN (…500 literals…)`, then multi-row VALUES ON CONFLICT."""
    uuids = [r[2] for r in batch]
    conn.execute("SELECT uuid FROM hub_record_key WHERE uuid IN (%s) AND shop_id <> 1"
                 % ",".join(["%s"] * len(uuids)), uuids)
    values = ",".join(["(%s,%s,%s,%s,%s,%s,%s,%s,%s)"] * len(batch))
    conn.execute("INSERT INTO hub_record_key (uuid, shop_id, business_date) VALUES %s ON CONFLICT DO NOTHING"
                 % ",".join(["(%s,1,%s)"] * len(batch)), [v for r in batch for v in (r[2], r[3])])
    conn.execute("INSERT INTO hub_record VALUES %s ON CONFLICT DO NOTHING" % values,
                 [v for r in batch for v in _row(r, now)])


def _executemany(conn, batch, now):
    with conn.cursor() as cursor:
        cursor.executemany("INSERT INTO hub_record_key (uuid, shop_id, business_date) VALUES (%s, 1, %s)"
                           " ON CONFLICT DO NOTHING", [(r[2], r[3]) for r in batch])
        cursor.executemany("INSERT INTO hub_record VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
                           [_row(r, now) for r in batch])


def _arrays_copy(conn, batch, now):
    from posapp.hub.store import CLAIM, COPY
    with conn.cursor() as cursor:
        cursor.execute(CLAIM, {"shop": 1, "uuids": [r[2] for r in batch], "days": [r[3] for r in batch]})
        cursor.fetchall()
        with cursor.copy(COPY) as copy:
            for r in batch:
                copy.write_row(_row(r, now))


def _copy_copy(conn, batch, now):
    """Now: the keys and the records by COPY (a held UUID would fail it and take the arrays path)."""
    from posapp.hub.store import COPY, COPY_KEYS
    with conn.cursor() as cursor:
        with cursor.copy(COPY_KEYS) as copy:
            for r in batch:
                copy.write_row((r[2], 1, r[3]))
        with cursor.copy(COPY) as copy:
            for r in batch:
                copy.write_row(_row(r, now))
