"""How big a shop's database and backups grow: 2,000 real 4-line cash sales through the app (sale, lines,
stock moves, journal entry, outbox rows), the bytes each costs with its outbox rows and after the hub has
acknowledged them and they were pruned, projected to a busy shop's year (100,000 sales); the backups of that
year kept by count alone (30) against count and size (BACKUP_MAX_MB)."""
import random
import sqlite3
import uuid
from datetime import timedelta

from bench.common import logged_in_client, make_app, seed_products

SALES, PRODUCTS, YEAR_SALES = 2000, 2000, 100_000


def run(report):
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)
    client = logged_in_client(app)
    assert client.post("/shift/buka", data={"opening_cash": "100000"}).status_code == 302
    before, _ = _sizes(db_path)
    rng = random.Random(11)
    for _ in range(SALES):
        body = {"uuid": str(uuid.uuid4()), "member": False, "payments": [{"method": "cash", "amount": 10_000_000}],
                "lines": [{"product_id": pid, "qty": rng.randint(1, 3)} for pid in rng.sample(range(1, PRODUCTS), 4)]}
        assert client.post("/kasir/api/jual", json=body).status_code == 200
    after, outbox = _sizes(db_path)
    per_sale = (after - before) / SALES
    pruned = _prune_all(app, db_path)
    per_sale_pruned = (pruned - before) / SALES
    report("shop_db_bytes_per_sale", per_sale, "bytes")
    report("shop_db_outbox_share", 100 * outbox / (after - before), "%")
    report("shop_db_year_mb", per_sale * YEAR_SALES / 1e6, "MB")
    report("shop_db_year_pruned_mb", (per_sale_pruned * YEAR_SALES + per_sale * YEAR_SALES * 30 / 365) / 1e6, "MB",
           per_sale * YEAR_SALES / 1e6)
    year_end = (per_sale_pruned * YEAR_SALES + before) / 1e6
    report("shop_backups_30_at_year_end_mb", 30 * year_end, "MB")
    report("shop_backups_kept_mb", min(30 * year_end, app.config["BACKUP_MAX_MB"] * 1.048576), "MB", 30 * year_end)


def _sizes(db_path):
    """(bytes of the database file, checkpointed and vacuumed; bytes of the outbox table and its indexes)."""
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
        size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
        outbox = conn.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN"
                              " (SELECT name FROM sqlite_master WHERE tbl_name = 'outbox')").fetchone()[0]
    finally:
        conn.close()
    return size, outbox


def _prune_all(app, db_path):
    """The hub acknowledged everything 31 days ago and the next ack pruned it (VACUUM gives the pages back)."""
    from posapp import clock
    from posapp.extensions import db
    from posapp.wire.models import Outbox
    from posapp.wire.outbox import prune_acked
    with app.app_context():
        db.session.execute(db.update(Outbox).values(acked_at=clock.now() - timedelta(days=31)))
        prune_acked(clock.now(), 30)
        db.session.commit()
        db.engine.dispose()
    return _sizes(db_path)[0]
