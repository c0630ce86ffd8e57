"""A 5-line cash sale through the app (test client, commit included) vs a raw sqlite3 floor.

The shop has 50,000 products and 1,000,000 historic sale lines. The floor is one raw sqlite3
transaction (WAL, synchronous=FULL, foreign keys on) inserting the sales-side rows a sale writes:
the receipt counter, the sale, 5 lines, the payment, 5 stock moves, 5 stock-level updates, the
journal entry with its 4 lines and counter, and the two outbox rows (sale, journal entry).
"""
import random
import sqlite3
import time
import uuid

from bench.common import logged_in_client, make_app, percentile, seed_products

PRODUCTS = 50_000
HISTORIC_SALES = 200_000   # × 5 lines = 1,000,000 sale lines
SALES = 1000  # enough samples for a stable p99
WARMUP = 20   # first requests compile and cache statements on both sides; not measured


def run(report):
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)
    _seed_history(db_path)
    client = logged_in_client(app)
    assert client.post("/shift/buka", data={"opening_cash": "100000"}).status_code == 302
    rng = random.Random(3)
    floor = _Floor(db_path)
    app_times, floor_times = [], []
    for _ in range(WARMUP + SALES):  # interleaved, so both pay the same disk and CPU conditions
        body = {"uuid": str(uuid.uuid4()), "member": False,
                "lines": [{"product_id": pid, "qty": 1} for pid in rng.sample(range(1, PRODUCTS + 1), 5)],
                "payments": [{"method": "cash", "amount": 1_000_000}]}
        started = time.perf_counter()
        response = client.post("/kasir/api/jual", json=body)
        app_times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.get_json()
        floor_times.append(floor.sale(rng.sample(range(1, PRODUCTS + 1), 5)))
    floor.close()
    app_times, floor_times = app_times[WARMUP:], floor_times[WARMUP:]
    for p in (50, 99):
        report(f"sale_5_lines_p{p}", percentile(app_times, p) * 1e3, "ms", percentile(floor_times, p) * 1e3)


def _seed_history(db_path):
    """One closed shift with 200,000 sales of 5 lines each (1,000 a day), straight into sqlite3."""
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO shift (id, uuid, user_id, business_date, opened_at, opening_cash, closed_at,"
                     " expected_cash, counted_cash, difference, denominations, close_note)"
                     " VALUES (1, ?, 1, '2025-01-01', '2025-01-01 00:00:00', 0, '2025-12-31 00:00:00',"
                     " 0, 0, 0, '', '')", (str(uuid.uuid4()),))
        conn.executemany(
            "INSERT INTO sale (id, uuid, request_hash, kind, receipt_no, business_date, shift_id, user_id, member,"
            " subtotal, discount, total, tendered, change, note, created_at)"
            " VALUES (?, ?, '', 'sale', ?, ?, 1, 1, 0, 50000, 0, 50000, 50000, 0, '', ?)",
            ((i, str(uuid.UUID(int=i)), f"KOP01-H{i // 1000:05d}-{i % 1000:04d}", f"2025-{1 + i // 20000:02d}-01",
              "2025-06-01 03:00:00") for i in range(1, HISTORIC_SALES + 1)))
        conn.executemany(
            "INSERT INTO sale_line (sale_id, product_id, name, sku, qty, unit_price, list_price, discount, total,"
            " unit_cost, price_overridden) VALUES (?, ?, 'Produk', 'SKU', 1, 10000, 10000, 0, 10000, 1000, 0)",
            ((i // 5 + 1, 1 + (i * 7919) % PRODUCTS) for i in range(HISTORIC_SALES * 5)))
        conn.executemany("INSERT INTO payment (sale_id, method, amount, tendered, reference)"
                         " VALUES (?, 'cash', 50000, 50000, '')", ((i,) for i in range(1, HISTORIC_SALES + 1)))
    conn.close()


class _Floor:
    """The same sales-side rows in one raw transaction per sale, synchronous=FULL."""

    def __init__(self, db_path):
        self.conn = sqlite3.connect(db_path, isolation_level=None)
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.shift_id = self.conn.execute("SELECT id FROM shift WHERE closed_at IS NULL").fetchone()[0]

    def close(self):
        self.conn.close()

    def sale(self, products) -> float:
        conn, sale_uuid = self.conn, str(uuid.uuid4())
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        no = conn.execute("INSERT INTO receipt_counter (shop_code, business_date, last_no) VALUES ('FLR01',"
                          " '2026-11-24', 1) ON CONFLICT (shop_code, business_date) DO UPDATE SET"
                          " last_no = last_no + 1 RETURNING last_no").fetchone()[0]
        sale_id = conn.execute(
            "INSERT INTO sale (uuid, request_hash, kind, receipt_no, business_date, shift_id, user_id, member,"
            " subtotal, discount, total, tendered, change, note, created_at) VALUES (?, 'h', 'sale', ?,"
            " '2026-11-24', ?, 1, 0, 50000, 0, 50000, 1000000, 950000, '', '2026-11-24 03:00:00')",
            (sale_uuid, f"FLR01-20261124-{no:04d}", self.shift_id)).lastrowid
        for pid in products:
            conn.execute("INSERT INTO sale_line (sale_id, product_id, name, sku, qty, unit_price, list_price,"
                         " discount, total, unit_cost, price_overridden) VALUES (?, ?, 'Produk', 'SKU', 1, 10000,"
                         " 10000, 0, 10000, 1000, 0)", (sale_id, pid))
            conn.execute("INSERT INTO stock_move (product_id, qty, kind, reason, note, unit_cost, doc_uuid, user_id,"
                         " at) VALUES (?, -1, 'sale', '', '', 1000, ?, 1, '2026-11-24 03:00:00')", (pid, sale_uuid))
            conn.execute("UPDATE stock_level SET on_hand = on_hand - 1 WHERE product_id = ?", (pid,))
        conn.execute("INSERT INTO payment (sale_id, method, amount, tendered, reference)"
                     " VALUES (?, 'cash', 50000, 1000000, '')", (sale_id,))
        entry_no = conn.execute("INSERT INTO journal_counter (business_date, last_no) VALUES ('2026-11-24', 1)"
                                " ON CONFLICT (business_date) DO UPDATE SET last_no = last_no + 1"
                                " RETURNING last_no").fetchone()[0]
        entry_id = conn.execute(
            "INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref, source_uuid,"
            " party, description, created_by) VALUES (?, ?, '2026-11-24', '2026-11-24 03:00:00', 'sale', ?, ?,"
            " 'umum', 'Penjualan', 'kasir')",
            (str(uuid.uuid4()), f"JU-20261124-{entry_no:04d}", f"FLR01-20261124-{no:04d}", sale_uuid)).lastrowid
        conn.executemany("INSERT INTO journal_line (entry_id, account_code, debit, credit, memo)"
                         " VALUES (?, ?, ?, ?, '')", [(entry_id, "1101", 50000, 0), (entry_id, "4101", 0, 50000),
                                                      (entry_id, "5101", 5000, 0), (entry_id, "1301", 0, 5000)])
        for kind in ("sale", "journal_entry"):
            seq = conn.execute("INSERT INTO outbox_counter (name, last_seq) VALUES ('outbox', 1) ON CONFLICT"
                               " (name) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq").fetchone()[0]
            conn.execute("INSERT INTO outbox (seq, kind, uuid, business_date, payload, sha256, created_at)"
                         " VALUES (?, ?, ?, '2026-11-24', ?, ?, '2026-11-24 03:00:00')",
                         (seq, kind, str(uuid.uuid4()), "{" + "x" * 900 + "}", "0" * 64))
        conn.execute("COMMIT")
        return time.perf_counter() - started
