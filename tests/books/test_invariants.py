"""The whole books under random sequences of acts (hypothesis), on SQLite and — with POSAPP_TEST_PG_URL —
PostgreSQL: every entry balances; Persediaan = Σ valuation; Utang konsinyasi = Σ owed per producer;
Utang usaha = Σ open supplier invoices; the neraca balances; nothing posts into a closed day or month."""
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp import clock
from posapp.auth.approval import Approval
from posapp.auth.models import User
from posapp.catalog import inventory, valuation, valued
from posapp.catalog.models import Product
from posapp.extensions import db
from posapp.ledger import acts, month_close
from posapp.ledger.balances import account_balance, kas_balance, trial_balance
from posapp.ledger.posting import LedgerRefused
from posapp.purchasing import consignment, consignment_acts, debts, documents, receiving, returns, suppliers
from posapp.purchasing.models import Purchase
from posapp.reports import day_close, statements
from posapp.reports import month_close as month_act
from posapp.sales import refunds, service as sales
from posapp.till import cashbook, shifts

pick = st.integers(0, 10_000)
steps = st.lists(st.one_of(
    st.tuples(st.just("buy"), pick, st.integers(1, 30), st.integers(500, 90_000), st.sampled_from(("cash", "bank", "credit"))),
    st.tuples(st.just("pay"), pick, st.integers(1, 100)),
    st.tuples(st.just("return"), pick, st.integers(1, 5)),
    st.tuples(st.just("sell"), pick, pick, st.integers(1, 6), st.booleans(), st.booleans()),
    st.tuples(st.just("refund"), pick, st.integers(1, 3)),
    st.tuples(st.just("adjust"), pick, st.integers(-5, 5).filter(bool)),
    st.tuples(st.just("opname"), pick, st.integers(-4, 4)),
    st.tuples(st.just("consign"), pick, st.integers(1, 15)),
    st.tuples(st.just("settle"), pick),
    st.tuples(st.just("give_back"), pick, st.integers(1, 3)),
    st.tuples(st.just("cash"), st.sampled_from(("expense", "income", "capital", "deposit", "withdraw")),
              st.integers(1_000, 500_000)),
    st.tuples(st.just("revalue"), pick, st.integers(0, 100_000)),
    st.tuples(st.just("close_day"), st.integers(-3_000, 3_000)),
    st.tuples(st.just("close_month"),),
), min_size=4, max_size=24)


class Shop:
    """The acts' state across one example: people, goods, the open shift, the day."""

    def __init__(self, users):
        # the users by their keys: an example's rollback leaves the fixture's objects detached
        self.kasir, self.manajer = (db.session.get(User, sa.inspect(users[n]).identity[0]) for n in ("kasir", "manajer"))
        factory = suppliers.create(_supplier("CV Pabrik", "pabrik"), self.manajer)
        self.producers = [suppliers.create(_supplier(f"PP Produsen {n}", "pesantren"), self.manajer) for n in (1, 2)]
        self.factory = factory
        self.own = [_product(f"OWN-{n}", 9_000 + n * 4_000) for n in range(3)]
        self.consigned = [_product(f"TJ-{n}", 20_000 + n * 5_000) for n in range(3)]
        terms = ((self.producers[0], None, "15"), (self.producers[1], 17_000, None), (self.producers[0], 12_500, None))
        for product, (producer, price, percent) in zip(self.consigned, terms):
            self.consign(producer, [(product, 10, price, percent)])
        self.shift = shifts.open_shift(self.kasir, 100_000)
        self.sales = []

    def consign(self, producer, items):
        purchase = documents.new_draft(self.manajer, kind="consignment", supplier_id=producer.id)
        for product, qty, price, percent in items:
            line = documents.add_product(purchase, product, qty, price or 0)
            line.unit_cost, line.commission_percent = price or 0, None if percent is None else Decimal(percent)
        consignment.receive(purchase, _header(producer, "cash"), self.manajer)

    def all_goods(self):
        return self.own + self.consigned


def _supplier(name, kind):
    return {"name": name, "kind": kind, "contact_person": "", "phone": "", "address": "", "bank_name": "",
            "bank_account": "", "bank_holder": "", "note": ""}


def _product(sku, price):
    product = Product(name=f"Barang {sku}", sku=sku, price=price, cost=0, category="Umum", unit="pcs")
    db.session.add(product)
    db.session.flush()
    return product


def _header(supplier, payment, due=None):
    return {"supplier_id": supplier.id, "invoice_no": "", "invoice_date": None, "payment": payment, "due_date": due,
            "note": "", "from_drawer": False}


def act(shop, step):
    kind, args = step[0], step[1:]
    today = clock.today()
    if kind == "buy":
        n, qty, cost, payment = args
        purchase = documents.new_draft(shop.manajer, supplier_id=shop.factory.id)
        line = documents.add_product(purchase, shop.own[n % 3], qty, cost)
        line.unit_cost, line.total = cost, qty * cost
        receiving.post(purchase, _header(shop.factory, payment, today + timedelta(days=14)), shop.manajer)
    elif kind == "pay":
        invoices = debts.open_invoices()
        if invoices:
            purchase, left = invoices[args[0] % len(invoices)]
            debts.pay(shop.manajer, purchase.supplier, {purchase.id: max(left * args[1] // 100, 1)}, "bank")
    elif kind == "return":
        posted = db.session.scalars(sa.select(Purchase).where(Purchase.kind == "purchase",
                                                              Purchase.status == "posted")).all()
        if posted:
            purchase = posted[args[0] % len(posted)]
            line = purchase.lines[0]
            qty = min(args[1], line.qty - returns.returned_qty(purchase).get(line.id, 0))
            if qty > 0:
                settle = "credit" if debts.open_of(purchase) >= qty * line.unit_cost else "cash"
                returns.return_goods(shop.manajer, purchase, {line.id: qty}, settle)
    elif kind == "sell":
        a, b, qty, qris, member = args
        goods = shop.all_goods()
        lines = [{"product_id": goods[a % 6].id, "qty": qty}, {"product_id": goods[b % 6].id, "qty": 1}]
        total = goods[a % 6].price * qty + goods[b % 6].price
        payments = [{"method": "qris", "amount": total, "reference": "QR1"}] if qris else \
            [{"method": "cash", "amount": total}]
        sale, _, _ = sales.complete_sale(shop.kasir, {"uuid": str(uuid.uuid4()), "member": member, "lines": lines,
                                                      "payments": payments})
        shop.sales.append(sale)
    elif kind == "refund" and shop.sales:
        sale = shop.sales[args[0] % len(shop.sales)]
        done = refunds.refunded_qty(sale)
        line = sale.lines[args[0] % len(sale.lines)]
        qty = min(args[1], line.qty - done.get(line.id, 0))
        if qty > 0:
            refunds.refund(shop.kasir, str(uuid.uuid4()), sale.receipt_no, {line.id: qty},
                           approval=Approval("manajer", "222222"))
    elif kind == "adjust":
        inventory.adjust(shop.all_goods()[args[0] % 6], args[1], "koreksi", str(uuid.uuid4()), user=shop.manajer)
    elif kind == "opname":
        product = shop.all_goods()[args[0] % 6]
        system = product.on_hand
        inventory.post_opname([(product.id, system, max(system + args[1], 0))], str(uuid.uuid4()), user=shop.manajer)
    elif kind == "consign":
        product = shop.consigned[args[0] % 3]
        producer = next(p for p in shop.producers if p.id == product.consignor_id)
        shop.consign(producer, [(product, args[1], product.consign_price, product.consign_percent)])
    elif kind == "settle":
        producer = shop.producers[args[0] % 2]
        if consignment.period_start(producer.id) <= today and consignment.owed().get(producer.id, 0) >= 0:
            consignment_acts.settle(shop.manajer, producer, today, "cash")
    elif kind == "give_back":
        product = shop.consigned[args[0] % 3]
        if product.on_hand >= args[1]:
            producer = next(p for p in shop.producers if p.id == product.consignor_id)
            consignment_acts.return_unsold(shop.manajer, producer, {product.id: args[1]})
    elif kind == "cash":
        category = "listrik" if args[0] == "expense" else ""
        cashbook.record(shop.manajer, args[0], args[1], category=category, note="uji")
    elif kind == "revalue":
        valued.revalue(shop.own[args[0] % 3], args[1])
    elif kind == "close_day":
        close_day(shop, args[0])
    elif kind == "close_month":
        close_month(shop)


def close_day(shop, difference):
    """Close the shift and the day (with a cash difference); then the day refuses postings; next morning."""
    day = clock.today()
    shifts.close_shift(shop.shift, shop.kasir, shifts.summary(shop.shift)["cash_expected"], note="uji")
    day_close.close_day(day, max(kas_balance(day) + difference, 0), shop.manajer)
    with pytest.raises(LedgerRefused, match="sudah ditutup"):
        acts.post_cash_difference(uuid=str(uuid.uuid4()), business_date=day, difference=1_000)
    clock.freeze(datetime.combine(day + timedelta(days=1), datetime.min.time()).replace(hour=8))
    shop.shift = shifts.open_shift(shop.kasir, 100_000)


def close_month(shop):
    """Work to the month's last day, close it, then the month: nothing posts into it any more."""
    first, last = month_close.month_of(clock.today())
    shifts.close_shift(shop.shift, shop.kasir, shifts.summary(shop.shift)["cash_expected"], note="uji")
    day_close.close_day(clock.today(), max(kas_balance(clock.today()), 0), shop.manajer)
    clock.freeze(datetime.combine(last + timedelta(days=1), datetime.min.time()).replace(hour=8))
    month_act.close_month(first, shop.manajer)
    with pytest.raises(LedgerRefused, match="sudah ditutup"):
        acts.post_cash_difference(uuid=str(uuid.uuid4()), business_date=last, difference=1_000)
    shop.shift = shifts.open_shift(shop.kasir, 100_000)


def check_books():
    unbalanced = db.session.execute(sa.text(
        "SELECT entry_id FROM journal_line GROUP BY entry_id HAVING SUM(debit) <> SUM(credit)")).all()
    assert unbalanced == []
    assert sum(row["balance"] for row in trial_balance()) == 0
    assert valuation.total() == account_balance("1301")
    assert consignment.total_owed() == -account_balance("2202")
    assert sum(consignment.owed().values()) == consignment.total_owed()
    assert debts.total_open() == -account_balance("2201")
    today = clock.today()
    sheet = statements.balance_sheet(today.replace(day=1), today)
    assert sheet.checks["balanced"], sheet.checks
    assert statements.cash_flow(today.replace(day=1), today).checks["balanced"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(plan=steps)
def test_the_books_hold_under_any_sequence_of_acts(users, frozen_clock, plan):
    frozen_clock(datetime(2026, 11, 28, 8))
    try:
        shop = Shop(users)
        check_books()
        for step in plan:
            act(shop, step)
            check_books()
        for day in {date(2026, 11, 28), clock.today()}:  # the valuation of any past day is that day's Persediaan
            assert valuation.total(day) == account_balance("1301", day)
    finally:
        db.session.rollback()
        db.session.expunge_all()  # SQLite gives the rolled-back ids again: the next example's rows take them
        clock.freeze(None)
