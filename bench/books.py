"""The koperasi's books: posting a 50-line purchase, and a month's statements of a shop with 60,000 sales.

Floors:
- purchase: one raw sqlite3 transaction (WAL, synchronous=FULL) writing the same rows a posted 50-line
  purchase writes: 50 stock moves, 50 stock levels (upsert), 50 product averages, the purchase's status,
  number and counter, the journal entry with its lines and counter, and the two outbox rows.
- statements: the same per-account aggregates (before the month, before the year, moved in the month)
  and the cash per source, each by one raw SQL query on the same database.
"""
import random
import sqlite3
import time
import uuid
from datetime import date, datetime, timedelta

from bench.common import make_app, percentile, seed_products

PRODUCTS = 1_000
PURCHASES = 30
WARMUP = 3
LINES = 50
SALES = 60_000
MONTH = (date(2026, 11, 1), date(2026, 11, 30))


def run(report):
    from posapp import clock
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)
    clock.freeze(datetime(2026, 11, 30, 9))
    try:
        with app.app_context():
            _purchases(report, db_path)
            _statements(report, db_path)
    finally:
        clock.freeze(None)


def _purchases(report, db_path):
    from posapp.auth.models import User
    from posapp.catalog.models import Product
    from posapp.extensions import db
    from posapp.purchasing import documents, receiving
    manajer = db.session.scalar(db.select(User).where(User.username == "manajer"))
    rng, floor = random.Random(5), _Floor(db_path)
    app_times, floor_times = [], []
    for _ in range(WARMUP + PURCHASES):
        ids = rng.sample(range(1, PRODUCTS + 1), LINES)
        purchase = documents.new_draft(manajer)
        for product in db.session.scalars(db.select(Product).where(Product.id.in_(ids))):
            line = documents.add_product(purchase, product, rng.randint(6, 48), rng.randrange(800, 1_300, 50))
            line.unit_cost, line.total = line.unit_cost, line.qty * line.unit_cost
        db.session.commit()
        header = {"supplier_id": None, "invoice_no": "", "invoice_date": None, "payment": "cash", "due_date": None,
                  "note": "", "from_drawer": False}
        started = time.perf_counter()
        receiving.post(purchase, header, manajer)
        db.session.commit()
        app_times.append(time.perf_counter() - started)
        floor_times.append(floor.purchase(rng.sample(range(1, PRODUCTS + 1), LINES)))
    floor.close()
    app_times, floor_times = app_times[WARMUP:], floor_times[WARMUP:]
    report("books purchase 50 lines post p50", percentile(app_times, 50) * 1e3, "ms",
           percentile(floor_times, 50) * 1e3)


class _Floor:
    """The rows of a posted purchase, written with raw sqlite3 in one transaction."""

    def __init__(self, db_path):
        self.conn = sqlite3.connect(db_path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.n = 0

    def purchase(self, ids):
        self.n += 1
        c, now, day = self.conn, "2026-11-30 02:00:00", "2026-11-30"
        started = time.perf_counter()
        c.execute("BEGIN")
        c.execute("INSERT INTO purchasing_counter (prefix, business_date, last_no) VALUES ('PX', ?, 1) ON CONFLICT "
                  "(prefix, business_date) DO UPDATE SET last_no = last_no + 1", (day,))
        pid = c.execute("INSERT INTO purchase (uuid, doc_no, kind, status, payment, total, invoice_no, note, "
                        "created_at, posted_at, business_date) VALUES (?, ?, 'purchase', 'posted', 'cash', 50000, '',"
                        " '', ?, ?, ?)", (str(uuid.uuid4()), f"PX-{self.n}", now, now, day)).lastrowid
        c.executemany("INSERT INTO stock_move (product_id, qty, kind, reason, note, unit_cost, doc_uuid, at, "
                      "business_date, avg_cost) VALUES (?, 10, 'receive', '', 'PX', 1000, ?, ?, ?, 1000)",
                      [(i, str(pid), now, day) for i in ids])
        c.executemany("INSERT INTO stock_level (product_id, on_hand) VALUES (?, 10) ON CONFLICT (product_id) "
                      "DO UPDATE SET on_hand = on_hand + excluded.on_hand", [(i,) for i in ids])
        c.executemany("UPDATE product SET cost = 1000, updated_at = ? WHERE id = ?", [(now, i) for i in ids])
        c.execute("INSERT INTO journal_counter (business_date, last_no) VALUES (?, 1) ON CONFLICT (business_date) "
                  "DO UPDATE SET last_no = last_no + 1", (day,))
        entry = c.execute("INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref, "
                          "source_uuid, party, description, created_by) VALUES (?, ?, ?, ?, 'purchase', '', '', '', "
                          "'', '')", (str(uuid.uuid4()), f"JX-{self.n}", day, now)).lastrowid
        c.executemany("INSERT INTO journal_line (entry_id, account_code, debit, credit, memo) VALUES (?, ?, ?, ?, '')",
                      [(entry, "1301", 500_000, 0), (entry, "1101", 0, 500_000)])
        for kind in ("purchase", "journal_entry"):
            c.execute("INSERT INTO outbox_counter (name, last_seq) VALUES ('bench', 1) ON CONFLICT (name) "
                      "DO UPDATE SET last_seq = last_seq + 1")
            c.execute("INSERT INTO outbox (seq, kind, uuid, business_date, payload, sha256, created_at) VALUES "
                      "((SELECT last_seq FROM outbox_counter WHERE name = 'bench') + 1000000, ?, ?, ?, '{}', '', ?)",
                      (kind, str(uuid.uuid4()), day, now))
        c.execute("COMMIT")
        return time.perf_counter() - started

    def close(self):
        self.conn.close()


def _statements(report, db_path):
    from posapp.reports.statements import all_statements
    _seed_journal(db_path)
    start, end = MONTH
    times = []
    for _ in range(5):
        started = time.perf_counter()
        found = all_statements(start, end)
        times.append(time.perf_counter() - started)
    assert found[1].checks["balanced"] and found[2].checks["balanced"]
    floor = [_floor_aggregates(db_path) for _ in range(5)]
    report(f"books month statements ({SALES:,} sales) p50", percentile(times, 50) * 1e3, "ms",
           percentile(floor, 50) * 1e3)


def _seed_journal(db_path):
    """60,000 sales over twelve months (4 lines each) and some purchases and expenses, straight into sqlite3."""
    rng = random.Random(9)
    conn = sqlite3.connect(db_path)
    first = date(2025, 12, 1)
    entries, lines = [], []
    next_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM journal_entry").fetchone()[0] or 0) + 1
    for n in range(SALES + 600):
        day = first + timedelta(days=n * 365 // (SALES + 600))
        entry_id, amount = next_id + n, rng.randrange(5_000, 300_000, 500)
        if n % 100 == 0:
            source, pairs = "expense", [("6209", amount, 0), ("1101", 0, amount)]
        else:
            source, pairs = "sale", [("1101", amount, 0), ("4101", 0, amount), ("5101", amount * 3 // 4, 0),
                                     ("1301", 0, amount * 3 // 4)]
        entries.append((entry_id, str(uuid.UUID(int=entry_id + 10**9)), f"JH-{entry_id}", day.isoformat(),
                        "2026-01-01 00:00:00", source))
        lines += [(entry_id, code, debit, credit) for code, debit, credit in pairs]
    with conn:
        conn.executemany("INSERT INTO journal_entry (id, uuid, entry_no, business_date, posted_at, source, source_ref,"
                         " source_uuid, party, description, created_by) VALUES (?, ?, ?, ?, ?, ?, '', '', '', '', '')",
                         entries)
        conn.executemany("INSERT INTO journal_line (entry_id, account_code, debit, credit, memo) VALUES (?, ?, ?, ?, '')",
                         lines)
    conn.close()


def _floor_aggregates(db_path):
    conn = sqlite3.connect(db_path)
    start, end = MONTH
    started = time.perf_counter()
    conn.execute("SELECT l.account_code, SUM(CASE WHEN e.business_date < ? THEN l.debit - l.credit ELSE 0 END), "
                 "SUM(CASE WHEN e.business_date < ? THEN l.debit - l.credit ELSE 0 END), "
                 "SUM(CASE WHEN e.business_date >= ? THEN l.debit ELSE 0 END), "
                 "SUM(CASE WHEN e.business_date >= ? THEN l.credit ELSE 0 END) FROM journal_line l JOIN journal_entry e "
                 "ON e.id = l.entry_id WHERE e.business_date <= ? GROUP BY l.account_code",
                 (start.isoformat(), "2026-01-01", start.isoformat(), start.isoformat(), end.isoformat())).fetchall()
    conn.execute("SELECT e.source, SUM(l.debit - l.credit) FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id "
                 "WHERE l.account_code IN ('1101', '1102') AND e.business_date BETWEEN ? AND ? GROUP BY e.source",
                 (start.isoformat(), end.isoformat())).fetchall()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


if __name__ == "__main__":
    from bench.common import report as _report
    run(_report)
