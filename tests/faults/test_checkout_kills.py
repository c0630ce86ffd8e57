"""The shop server (`python run.py`, waitress, SQLite) killed with SIGKILL at random moments while tills
check out over real HTTP; restarted each time; then every invariant checked on the database.

POSAPP_FAULT_KILLS sets the number of kills (20 by default, as in CI); POSAPP_FAULT_SEED another seed.
"""
import os
import random
import re
import sqlite3
import threading
import time
import uuid as uuidlib
from collections import Counter
from pathlib import Path

import pytest
import requests

from posapp.numbering import serial_value

from .procs import report, shop_server

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(bool(os.environ.get("POSAPP_TEST_PG_URL")), reason="the shop server on SQLite")]
KILLS = int(os.environ.get("POSAPP_FAULT_KILLS", "20"))
SEED = int(os.environ.get("POSAPP_FAULT_SEED", "20261130"))
TILLS = 3
PASSWORD = "rahasia-123"
STOCK = 1_000_000
PRICES = [2_500, 3_000, 4_500, 10_000, 12_500, 35_000]


def seed_shop(instance: Path) -> None:
    """A migrated database with an admin, a kasir with an open shift and six products, as after setup."""
    from posapp import create_app
    from posapp.auth.service import create_user
    from posapp.catalog.models import Product
    from posapp.catalog.stock import record_move
    from posapp.extensions import db
    from posapp.shop.service import save_settings
    from posapp.startup import prepare_database
    from posapp.till.shifts import open_shift
    app = create_app({"BACKUP_ON_START": False, "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000"},
                     instance_path=str(instance))
    prepare_database(app)
    with app.app_context():
        save_settings({"shop_name": "Kopontren Al-Hikmah", "shop_code": "KOP01", "shop_address": "Jombang"})
        create_user("admin", "Admin", "admin", PASSWORD, "111111")
        kasir = create_user("kasir", "Kasir", "kasir", PASSWORD)
        for n, price in enumerate(PRICES, start=1):
            product = Product(name=f"Produk {n}", sku=f"SKU-{n}", category="Umum", unit="pcs", price=price,
                              cost=price * 7 // 10)
            db.session.add(product)
            db.session.flush()
            record_move(product, STOCK, "receive", note="stok awal")
        open_shift(kasir, "500.000")
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


class Till:
    """One cashier screen: a logged-in session with the page's CSRF token, posting whole sales."""

    def __init__(self, base):
        self.base, self.session = base, requests.Session()
        page = self.session.get(f"{base}/masuk").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        answer = self.session.post(f"{base}/masuk", data={"username": "kasir", "password": PASSWORD,
                                                           "csrf_token": token}, allow_redirects=False)
        assert answer.status_code == 302, answer.text
        screen = self.session.get(f"{base}/kasir").text
        self.csrf = re.search(r'<meta name="csrf-token" content="([^"]+)"', screen).group(1)

    def sell(self, cart):
        return self.session.post(f"{self.base}/kasir/api/jual", json=cart, timeout=30,
                                 headers={"X-CSRFToken": self.csrf, "Accept": "application/json"})


def make_cart(rng, product_ids):
    lines = [{"product_id": rng.choice(product_ids), "qty": rng.randint(1, 3)} for _ in range(rng.randint(1, 3))]
    total = sum(PRICES[line["product_id"] - 1] * line["qty"] for line in lines)
    if rng.random() < 0.25:
        payments = [{"method": "qris", "amount": total, "reference": f"QR{rng.randint(10 ** 8, 10 ** 9)}"}]
    else:
        payments = [{"method": "cash", "amount": -(-total // 5000) * 5000}]
    return {"uuid": str(uuidlib.uuid4()), "member": rng.random() < 0.2, "lines": lines, "payments": payments}


class Ledger:
    """What the tills sent and heard: answered sales, sales in doubt (no answer), every status."""

    def __init__(self):
        self.carts, self.answered, self.in_doubt, self.statuses = {}, {}, set(), Counter()
        self.answer_lost = 0  # in doubt, yet committed before the kill: the replay finds it stored
        self.lock = threading.Lock()

    def outcome(self, cart, response):
        with self.lock:
            self.carts[cart["uuid"]] = cart
            if response is None:
                self.in_doubt.add(cart["uuid"])
                return
            self.statuses[response.status_code] += 1
            if response.status_code == 200:
                if cart["uuid"] in self.in_doubt and response.json()["replayed"]:
                    self.answer_lost += 1
                self.in_doubt.discard(cart["uuid"])
                receipt = response.json()["receipt_no"]
                assert self.answered.setdefault(cart["uuid"], receipt) == receipt, "a replay changed the receipt"


def till_loop(till, rng, ledger, stop):
    """Sell until the server dies (no answer: the sale is in doubt) or the round stops."""
    while not stop.is_set():
        cart = make_cart(rng, list(range(1, len(PRICES) + 1)))
        try:
            response = till.sell(cart)
        except requests.RequestException:
            ledger.outcome(cart, None)
            return
        ledger.outcome(cart, response)


def replay(till, ledger, uuids):
    """The same UUID and cart again: answered once, whatever happened before."""
    for sale_uuid in sorted(uuids):
        response = till.sell(ledger.carts[sale_uuid])
        ledger.outcome(ledger.carts[sale_uuid], response)
        assert response.status_code == 200, (response.status_code, response.text)


def test_sigkill_during_checkouts_leaves_no_partial_sale(tmp_path, tmp_path_factory):
    instance = tmp_path / "instance"
    seed_shop(instance)
    server = shop_server(instance, tmp_path / "server.log").start()
    base = server.ready_url.rsplit("/", 1)[0]
    rng, ledger = random.Random(SEED), Ledger()
    replays = 0
    started = time.monotonic()
    for _round in range(KILLS):
        tills = [Till(base) for _ in range(TILLS)]
        stop = threading.Event()
        threads = [threading.Thread(target=till_loop, args=(t, random.Random(rng.random()), ledger, stop))
                   for t in tills]
        for thread in threads:
            thread.start()
        time.sleep(rng.uniform(0.05, 0.9))
        server.kill()  # mid-request for some tills, between requests for others
        stop.set()
        for thread in threads:
            thread.join(60)
        server.start()
        if ledger.in_doubt and rng.random() < 0.5:  # some tills retry at once, the rest at the end
            doubtful = set(rng.sample(sorted(ledger.in_doubt), k=max(1, len(ledger.in_doubt) // 2)))
            replay(Till(base), ledger, doubtful)
            replays += len(doubtful)
    till = Till(base)
    in_doubt_at_end = len(ledger.in_doubt)
    replay(till, ledger, set(ledger.in_doubt))
    replay(till, ledger, set(rng.sample(sorted(ledger.answered), k=min(20, len(ledger.answered)))))
    server.stop()
    violations = check_invariants(instance / "posapp.db", ledger)
    counts = {"kills": server.kills, "restarts": server.starts, "sales_sent": len(ledger.carts),
              "sales_stored": len(ledger.answered), "in_doubt_replayed": replays + in_doubt_at_end,
              "committed_but_unanswered": ledger.answer_lost,
              "statuses": dict(ledger.statuses), "server_errors_500": ledger.statuses.get(500, 0),
              "violations": len(violations), "seconds": round(time.monotonic() - started)}
    report("checkout-kills", counts, tmp_path_factory)
    assert server.kills >= KILLS and len(ledger.answered) > KILLS
    assert ledger.statuses.get(500, 0) == 0, counts
    assert violations == [], violations[:20]


def check_invariants(database: Path, ledger) -> list[str]:
    """Every invariant of the shop's books after the kills; returns the violations found."""
    db = sqlite3.connect(database)
    q = (lambda sql, *args: db.execute(sql, args).fetchall())
    bad = []
    if q("PRAGMA integrity_check") != [("ok",)]:
        bad.append("sqlite integrity_check failed")
    sales = {u: (i, total, receipt, day) for i, u, total, receipt, day in
             q("SELECT id, uuid, total, receipt_no, business_date FROM sale WHERE kind = 'sale'")}
    bad += _partial_sales(q, sales)
    bad += _orphans(q)
    bad += _journal(q)
    bad += _gap_free(q)
    bad += _stock(q)
    for sale_uuid, receipt in ledger.answered.items():  # every answered sale stored once, with its number
        if sales.get(sale_uuid, (None, None, None))[2] != receipt:
            bad.append(f"answered sale {sale_uuid} {receipt} not stored as answered")
    bad += [f"sale {u} was never sent" for u in set(sales) - set(ledger.carts)]
    db.close()
    return bad


def _partial_sales(q, sales) -> list[str]:
    bad = []
    lines = dict(q("SELECT sale_id, SUM(total) FROM sale_line GROUP BY sale_id"))
    paid = dict(q("SELECT sale_id, SUM(amount) FROM payment GROUP BY sale_id"))
    moves = dict(q("SELECT doc_uuid, COUNT(*) FROM stock_move WHERE kind = 'sale' GROUP BY doc_uuid"))
    line_count = dict(q("SELECT sale_id, COUNT(*) FROM sale_line GROUP BY sale_id"))
    outbox = Counter(u for (u,) in q("SELECT uuid FROM outbox WHERE kind = 'sale'"))
    journal = Counter(u for (u,) in q("SELECT source_uuid FROM journal_entry WHERE source = 'sale'"))
    for sale_uuid, (sale_id, total, receipt, _day) in sales.items():
        if lines.get(sale_id) != total or paid.get(sale_id) != total:
            bad.append(f"partial sale {receipt}: lines {lines.get(sale_id)}, paid {paid.get(sale_id)}, total {total}")
        if moves.get(sale_uuid) != line_count.get(sale_id):
            bad.append(f"sale {receipt}: {moves.get(sale_uuid)} stock moves for {line_count.get(sale_id)} lines")
        if outbox[sale_uuid] != 1 or journal[sale_uuid] != 1:
            bad.append(f"sale {receipt}: {outbox[sale_uuid]} outbox rows, {journal[sale_uuid]} journal entries")
    return bad


def _orphans(q) -> list[str]:
    checks = {"sale lines without a sale": "SELECT COUNT(*) FROM sale_line WHERE sale_id NOT IN (SELECT id FROM sale)",
              "payments without a sale": "SELECT COUNT(*) FROM payment WHERE sale_id NOT IN (SELECT id FROM sale)",
              "stock moves without a sale": "SELECT COUNT(*) FROM stock_move WHERE kind = 'sale' "
                                            "AND doc_uuid NOT IN (SELECT uuid FROM sale)",
              "outbox sales without a sale": "SELECT COUNT(*) FROM outbox WHERE kind = 'sale' "
                                             "AND uuid NOT IN (SELECT uuid FROM sale)",
              "journal entries without a sale": "SELECT COUNT(*) FROM journal_entry WHERE source = 'sale' "
                                                "AND source_uuid NOT IN (SELECT uuid FROM sale)",
              "journal entries without an outbox row": "SELECT COUNT(*) FROM journal_entry WHERE uuid NOT IN "
                                                       "(SELECT uuid FROM outbox WHERE kind = 'journal_entry')"}
    return [f"{name}: {count}" for name, sql in checks.items() if (count := q(sql)[0][0])]


def _journal(q) -> list[str]:
    rows = q("SELECT e.entry_no, SUM(l.debit), SUM(l.credit) FROM journal_entry e JOIN journal_line l "
             "ON l.entry_id = e.id GROUP BY e.id")
    bad = [f"unbalanced journal entry {no}: {d} ≠ {c}" for no, d, c in rows if d != c or d <= 0]
    entries = q("SELECT COUNT(*) FROM journal_entry")[0][0]
    return bad + ([f"{entries - len(rows)} journal entries without lines"] if len(rows) != entries else [])


def _gap_free(q) -> list[str]:
    bad = []
    for what, sql in (("receipt", "SELECT business_date, receipt_no FROM sale"),
                      ("journal", "SELECT business_date, entry_no FROM journal_entry")):
        by_day = {}
        for day, number in q(sql):
            by_day.setdefault(day, []).append(serial_value(number))
        for day, numbers in by_day.items():
            if sorted(numbers) != list(range(1, len(numbers) + 1)):
                bad.append(f"{what} numbers of {day} not 1…{len(numbers)} without gaps or doubles")
    seqs = [seq for (seq,) in q("SELECT seq FROM outbox ORDER BY seq")]
    if seqs != list(range(1, len(seqs) + 1)) or q("SELECT last_seq FROM outbox_counter") != [(len(seqs),)]:
        bad.append("outbox seq not 1…n without gaps, or its counter off")
    counters = dict(q("SELECT business_date, last_no FROM receipt_counter"))
    used = dict(q("SELECT business_date, COUNT(*) FROM sale GROUP BY business_date"))
    if counters != used:
        bad.append(f"receipt counters {counters} ≠ receipts {used}")
    return bad


def _stock(q) -> list[str]:
    levels = dict(q("SELECT product_id, on_hand FROM stock_level"))
    moved = dict(q("SELECT product_id, SUM(qty) FROM stock_move GROUP BY product_id"))
    sold = dict(q("SELECT product_id, SUM(qty) FROM sale_line GROUP BY product_id"))
    return [f"product {p}: stock {levels.get(p)} ≠ moves {moved[p]} ≠ {STOCK} − sold {sold.get(p, 0)}"
            for p in moved if not levels.get(p) == moved[p] == STOCK - sold.get(p, 0)]
