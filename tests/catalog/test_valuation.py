"""Stock at moving average cost: every act posts at that cost, Σ valuation = Persediaan on any date."""
import uuid
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from posapp.auth.approval import Approval
from posapp.catalog import inventory, opening_stock, valuation
from posapp.catalog.inventory import StockRefused
from posapp.catalog.models import Product
from posapp.database import new_uuid
from posapp.extensions import db
from posapp.ledger.balances import account_balance
from posapp.ledger.models import JournalEntry
from posapp.sales import refunds, service
from posapp.till import shifts
from tests.books.helpers import buy

PERSEDIAAN, MODAL, HPP, SELISIH = "1301", "3101", "5101", "5102"


def books_match(on=None):
    assert valuation.total(on) == account_balance(PERSEDIAAN, on)


def lines_of(source):
    entry = db.session.scalar(sa.select(JournalEntry).where(JournalEntry.source == source)
                              .order_by(JournalEntry.id.desc()))
    return {(x.account_code, x.debit, x.credit) for x in entry.lines}


@pytest.fixture
def product(app, users, make_product, frozen_clock):
    return make_product(stock=0, price=12_000, cost=0)


def sell(kasir, product, qty):
    sale, _, _ = service.complete_sale(kasir, {"uuid": str(uuid.uuid4()), "member": False,
                                               "lines": [{"product_id": product.id, "qty": qty}],
                                               "payments": [{"method": "cash", "amount": qty * product.price}]})
    db.session.commit()
    return sale


def test_receipt_sale_adjust_opname_refund_all_post_at_the_average(users, product):
    manajer, kasir = users["manajer"], users["kasir"]
    buy(manajer, [(product, 10, 7_000)])
    assert lines_of("purchase") == {(PERSEDIAAN, 70_000, 0), ("1101", 0, 70_000)}
    shifts.open_shift(kasir, 0)
    sale = sell(kasir, product, 4)                       # goes out at 7.000
    assert lines_of("sale") >= {(HPP, 28_000, 0), (PERSEDIAAN, 0, 28_000)}
    buy(manajer, [(product, 23, 7_500)], payment="bank")
    assert db.session.get(Product, product.id).cost == 7_397  # (6 × 7.000 + 23 × 7.500) ÷ 29 = 7.396,55…
    assert lines_of("purchase") == {(PERSEDIAAN, 172_513, 0), ("1102", 0, 172_500), (SELISIH, 0, 13)}
    books_match()
    inventory.adjust(product, -3, "rusak", new_uuid(), user=manajer)
    db.session.commit()
    assert lines_of("adjust") == {(SELISIH, 3 * 7_397, 0), (PERSEDIAAN, 0, 3 * 7_397)}
    inventory.post_opname([(product.id, 26, 24)], new_uuid(), user=manajer)
    db.session.commit()
    assert lines_of("opname") == {(SELISIH, 2 * 7_397, 0), (PERSEDIAAN, 0, 2 * 7_397)}
    refunds.refund(kasir, str(uuid.uuid4()), sale.receipt_no, {sale.lines[0].id: 2},
                   approval=Approval("manajer", "222222"))
    db.session.commit()
    # back at the 7.000 they left at, averaged in: (24 × 7.397 + 14.000) ÷ 26 → 7.366, Persediaan +13.988
    assert lines_of("refund") >= {(HPP, 0, 14_000), (PERSEDIAAN, 13_988, 0), (SELISIH, 12, 0), ("4102", 24_000, 0)}
    assert db.session.get(Product, product.id).cost == 7_366
    books_match()


def test_opening_stock_at_go_live_is_booked_once(users, make_product, frozen_clock):
    make_product(stock=10, cost=7_000)
    make_product(stock=4, cost=2_500)
    assert opening_stock.unbooked() == 80_000
    entry = opening_stock.record(users["manajer"])
    db.session.commit()
    assert {(x.account_code, x.debit, x.credit) for x in entry.lines} == {(PERSEDIAAN, 80_000, 0), (MODAL, 0, 80_000)}
    books_match()
    with pytest.raises(StockRefused, match="hanya sekali"):
        opening_stock.record(users["manajer"])


def test_csv_import_opening_stock_posts_at_its_cost(manajer_client, frozen_clock):
    body = "nama;sku;harga;hpp;stok_awal\nKopi;KOPI-1;35.000;26.000;12\nTeh;TEH-1;9.000;6.500;0\n"
    response = manajer_client.post("/produk/impor", data={"doc_uuid": new_uuid(), "berkas": (
        __import__("io").BytesIO(body.encode()), "produk.csv")}, content_type="multipart/form-data")
    assert response.status_code == 302
    assert lines_of("opening_stock") == {(PERSEDIAAN, 312_000, 0), (MODAL, 0, 312_000)}
    books_match()


def test_changing_the_cost_of_goods_on_hand_is_a_posted_revaluation(manajer_client, users, product):
    buy(users["manajer"], [(product, 12, 7_000)])
    form = {"name": product.name, "sku": product.sku, "price": "12.000", "cost": "7.250", "unit": "pcs",
            "category": "Umum", "min_stock": "0", "opop_curated": "tidak"}
    assert manajer_client.post(f"/produk/{product.id}", data=form).status_code == 302
    assert lines_of("revalue") == {(PERSEDIAAN, 3_000, 0), (SELISIH, 0, 3_000)}
    books_match()


def test_valuation_csv_on_a_past_day_equals_persediaan_that_day(app, users, product, frozen_clock):
    manajer = users["manajer"]
    frozen_clock(datetime(2026, 11, 20, 9))
    buy(manajer, [(product, 10, 7_000)])
    frozen_clock(datetime(2026, 11, 22, 9))
    buy(manajer, [(product, 5, 8_000)], commit=False)
    inventory.adjust(product, -1, "hilang", new_uuid(), user=manajer)
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["catalog", "valuation-csv", "--on", "2026-11-21"])
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())
    rows = [line.split(";") for line in raw.decode("utf-8-sig").splitlines()]
    assert rows == [["sku", "name", "on_hand", "unit_cost", "value"], [product.sku, product.name, "10", "7000", "70000"]]
    assert 70_000 == account_balance(PERSEDIAAN, date(2026, 11, 21))
    now = [r.split(";") for r in runner.invoke(args=["catalog", "valuation-csv"]).stdout_bytes.decode("utf-8-sig")
           .splitlines()[1:]]
    assert sum(int(r[4]) for r in now) == account_balance(PERSEDIAAN) == 14 * 7_333
    bad = runner.invoke(args=["catalog", "valuation-csv", "--on", "21-11-2026"])
    assert bad.exit_code != 0 and "TTTT-BB-HH" in bad.output
