"""Barcode lookup through the app (test client, logged-in kasir) vs a raw indexed sqlite3 lookup."""
import random
import sqlite3
import time

from bench.common import logged_in_client, make_app, percentile, seed_products

PRODUCTS = 50_000
LOOKUPS = 2_000


def run(report):
    app, db_path = make_app()
    barcodes = seed_products(db_path, PRODUCTS)
    sample = random.Random(1).sample(barcodes, LOOKUPS)
    client = logged_in_client(app)
    app_times = []
    for code in sample:
        started = time.perf_counter()
        response = client.get(f"/api/produk/barcode/{code}")
        app_times.append(time.perf_counter() - started)
        assert response.status_code == 200
    raw_times = _raw_lookups(db_path, sample)
    report("barcode_lookup_p50", percentile(app_times, 50) * 1e6, "µs", percentile(raw_times, 50) * 1e6)
    report("barcode_lookup_p99", percentile(app_times, 99) * 1e6, "µs", percentile(raw_times, 99) * 1e6)


def _raw_lookups(db_path, sample):
    """The floor: the same row by the same unique index, straight from sqlite3."""
    conn = sqlite3.connect(db_path)
    times = []
    for code in sample:
        started = time.perf_counter()
        row = conn.execute("SELECT p.id, p.name, p.sku, p.barcode, p.unit, p.price, p.member_price, s.on_hand"
                           " FROM product p LEFT JOIN stock_level s ON s.product_id = p.id"
                           " WHERE p.barcode = ? AND p.active = 1", (code,)).fetchone()
        times.append(time.perf_counter() - started)
        assert row is not None
    conn.close()
    return times
