"""The cashier's name search (test client, logged-in kasir) vs a raw FTS5 query of the same term."""
import random
import sqlite3
import time

from bench.common import logged_in_client, make_app, percentile, seed_products

PRODUCTS = 50_000
SEARCHES = 300
# seeded names are "Produk OPOP <n>": the distinctive part finds a handful, as a cashier's typing does;
# "opop <n>" also holds a word every name has (its trigrams list all 50,000 rows), the worst case
TERMS = [str(n) for n in random.Random(3).sample(range(1_000, 49_999), SEARCHES)]
COMMON = [f"opop {n}" for n in random.Random(4).sample(range(1_000, 49_999), SEARCHES // 3)]


def run(report):
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)  # raw INSERTs: the triggers fill the index as they would in a shop
    client = logged_in_client(app)
    for name, terms in (("cashier_search_name", TERMS), ("cashier_search_common_word", COMMON)):
        app_times = _app_searches(client, terms)
        raw_times = _raw_searches(db_path, terms)
        report(f"{name}_p50", percentile(app_times, 50) * 1e3, "ms", percentile(raw_times, 50) * 1e3)
        report(f"{name}_p99", percentile(app_times, 99) * 1e3, "ms", percentile(raw_times, 99) * 1e3)


def _app_searches(client, terms):
    times = []
    for term in terms:
        started = time.perf_counter()
        response = client.get("/kasir/api/cari", query_string={"q": term})
        times.append(time.perf_counter() - started)
        assert response.status_code == 200 and response.get_json()["products"], term
    return times


def _raw_searches(db_path, terms):
    """The floor: the same ranked trigram query, straight from sqlite3, with the rows the screen needs."""
    conn = sqlite3.connect(db_path)
    times = []
    for term in terms:
        match = " ".join(f'"{word.lower()}"' for word in term.split() if len(word) >= 3)
        started = time.perf_counter()
        rows = conn.execute(
            "SELECT p.id, p.name, p.sku, p.barcode, p.unit, p.price, p.member_price, s.on_hand"
            " FROM product_fts f JOIN product p ON p.id = f.rowid LEFT JOIN stock_level s ON s.product_id = p.id"
            " WHERE product_fts MATCH ? AND p.active = 1 ORDER BY f.rank LIMIT 20", (match,)).fetchall()
        times.append(time.perf_counter() - started)
        assert rows, term
    conn.close()
    return times
