"""Shared bench helpers: the report line, a temporary app, fast seeding, percentiles."""
import atexit
import random
import shutil
import sqlite3
import tempfile
from pathlib import Path


def report(name, value, unit, baseline=None):
    """Print `name: value unit (ratio × vs baseline)`; baseline is in the same unit."""
    line = f"{name}: {_fmt(value)} {unit}"
    if baseline:
        line += f" ({value / baseline:.2f} × vs baseline {_fmt(baseline)} {unit})"
    print(line, flush=True)


def _fmt(value):
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def make_app(tmpdir=None):
    """A shop app on a fresh SQLite file (production pragmas) with its tables and users."""
    from posapp import create_app
    from posapp.config import TestConfig
    from posapp.extensions import db
    if tmpdir is None:
        tmpdir = tempfile.mkdtemp(prefix="posapp-bench-")
        atexit.register(shutil.rmtree, tmpdir, ignore_errors=True)  # seeded databases are large
    tmpdir = Path(tmpdir)
    db_path = tmpdir / "bench.db"
    config = type("BenchConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
                                                 "TESTING": False})
    app = create_app(config, instance_path=str(tmpdir / "instance"))
    with app.app_context():
        db.create_all()
        from posapp.auth.service import create_user
        from posapp.shop.service import save_settings
        save_settings({"shop_name": "Bench", "shop_address": "Jombang", "shop_code": "KOP01"})
        create_user("kasir", "Kasir", "kasir", "rahasia-123")
        create_user("manajer", "Manajer", "manajer", "rahasia-123", "222222")
        db.session.commit()
    return app, db_path


def logged_in_client(app, username="kasir"):
    client = app.test_client()
    response = client.post("/masuk", data={"username": username, "password": "rahasia-123"})
    assert response.status_code == 302, "bench login failed"
    return client


def seed_products(db_path, count, seed=7):
    """Insert `count` products with valid EAN-13 barcodes and stock; returns their barcodes."""
    from posapp.catalog.barcodes import make_ean13
    rng = random.Random(seed)
    categories = ["Kopi", "Sandang", "Madu", "Makanan", "Sabun", "Minuman", "Kitab", "Seragam"]
    barcodes = [make_ean13(f"899{i:09d}") for i in range(1, count + 1)]
    rows = [(i, f"Produk OPOP {i}", f"SKU-{i:06d}", barcodes[i - 1], rng.choice(categories), "pcs",
             rng.randrange(2_000, 200_000, 500), 1_000, None, 5, "", "", False, True, "2026-01-01 00:00:00",
             "2026-01-01 00:00:00") for i in range(1, count + 1)]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany("INSERT INTO product (id, name, sku, barcode, category, unit, price, cost, member_price,"
                         " min_stock, halal_cert, pesantren, opop_curated, active, created_at, updated_at)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO stock_level (product_id, on_hand) VALUES (?, ?)",
                         [(i, 1000) for i in range(1, count + 1)])
    conn.close()
    return barcodes
