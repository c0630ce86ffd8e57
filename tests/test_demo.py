"""`flask --app posapp seed-demo` makes a realistic demo shop on a fresh database; `--days N` its books."""
import re
from datetime import date

import pytest
import sqlalchemy as sa

from posapp import create_app
from posapp.auth.models import User
from posapp.catalog.barcodes import has_valid_check_digit
from posapp.catalog.models import Product
from posapp.catalog.valuation import total as stock_value
from posapp.config import TestConfig
from posapp.extensions import db
from posapp.ledger.balances import account_balance
from posapp.purchasing import consignment, debts
from tests.conftest import PG_SERVER

pytestmark = pytest.mark.skipif(bool(PG_SERVER), reason="seed-demo membuat database SQLite baru")


@pytest.fixture
def fresh_app(tmp_path):
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'demo.db'}"})
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_seed_demo_fills_products_and_prints_working_accounts(fresh_app):
    result = fresh_app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    products = db.session.scalars(db.select(Product)).all()
    assert len(products) >= 40
    assert all(p.barcode and len(p.barcode) == 13 and has_valid_check_digit(p.barcode) for p in products)
    assert all(p.price > p.cost > 0 and p.on_hand > 0 for p in products)
    assert {"Kopi", "Sandang", "Madu", "Kitab", "Seragam", "Sabun"} <= {p.category for p in products}
    passwords = dict(re.findall(r"^\s+(\w+)\s+kata sandi: (\S+)", result.output, re.M))
    assert set(passwords) == {"admin", "manajer", "kasir"}
    client = fresh_app.test_client()
    response = client.post("/masuk", data={"username": "kasir", "password": passwords["kasir"]})
    assert response.status_code == 302
    assert {u.role for u in db.session.scalars(db.select(User))} == {"admin", "manajer", "kasir"}
    assert stock_value() == account_balance("1301") > 0  # the stock on the shelves is in the books


def test_seed_demo_refuses_a_shop_that_has_products(fresh_app):
    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code != 0 and "toko kosong" in again.output


def test_seed_demo_has_members_with_savings_credit_and_purchases(fresh_app):
    from posapp.ledger.balances import account_balance
    from posapp.ledger.chart import PIUTANG_ANGGOTA
    from posapp.members.models import Member, Saving
    from posapp.sales.models import Sale
    assert fresh_app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    members = db.session.scalars(db.select(Member)).all()
    assert 140 <= len(members) <= 160 and {"santri", "ustadz", "karyawan"} <= {m.kind for m in members}  # 50 + 100 santri
    assert db.session.scalar(db.select(db.func.count(Saving.id))) >= 100  # pokok and wajib of the fifty
    assert sum(m.credit_open for m in members) == account_balance(PIUTANG_ANGGOTA) > 0
    assert db.session.scalar(db.select(db.func.count(Sale.id)).where(Sale.member_id.is_not(None))) >= 20


def test_seed_demo_has_santri_wallets_with_topups_and_purchases(fresh_app):
    from posapp.ledger.balances import account_balance
    from posapp.ledger.chart import TITIPAN_DOMPET
    from posapp.wallet.models import Wallet, WalletMove
    assert fresh_app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    wallets = db.session.scalars(db.select(Wallet)).all()
    assert len(wallets) >= 90 and sum(w.balance for w in wallets) == -account_balance(TITIPAN_DOMPET) > 0
    kinds = db.session.scalars(db.select(WalletMove.kind)).all()
    assert kinds.count("topup") == len(wallets) and kinds.count("purchase") >= 50


def count(sql):
    return dict(db.session.execute(sa.text(sql)).all())


def test_seed_demo_days_fills_whole_books_that_add_up(fresh_app):
    result = fresh_app.test_cli_runner().invoke(args=["seed-demo", "--days", "4"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    sources = count("SELECT source, COUNT(*) FROM journal_entry GROUP BY source")
    assert {"opening", "opening_stock", "sale", "samsat", "purchase", "consign_settle", "setoran",
            "purchase_return"} <= set(sources)
    assert sources["sale"] >= 4 * 12
    unbalanced = db.session.execute(sa.text("SELECT entry_id FROM journal_line GROUP BY entry_id "
                                            "HAVING SUM(debit) <> SUM(credit)")).all()
    assert unbalanced == []
    assert stock_value() == account_balance("1301")
    assert debts.total_open() == -account_balance("2201")
    assert consignment.total_owed() == -account_balance("2202")
    assert count("SELECT member, COUNT(*) FROM sale GROUP BY member").keys() == {0, 1}
    assert count("SELECT 'days', COUNT(*) FROM day_close")["days"] == 4
    assert count("SELECT 'open', COUNT(*) FROM shift WHERE closed_at IS NULL")["open"] == 0
    assert count("SELECT kind, COUNT(*) FROM supplier GROUP BY kind")["pesantren"] == 2
    assert "kasir2" in result.output


def test_seed_demo_on_the_first_before_dawn_closes_last_month_no_later_than_now(app):
    from datetime import datetime
    from posapp import clock
    from posapp.demo.month import seed_month
    from posapp.ledger.month_close import closes
    now = datetime(2026, 12, 1, 0, 30, tzinfo=clock.WIB)
    clock.freeze(now)
    try:
        seed_month(2)
    finally:
        clock.freeze(None)
    closed = closes()
    assert [close.period_end.isoformat() for close in closed] == ["2026-11-30"]
    assert clock.to_wib(closed[0].closed_at) <= now


def test_seed_demo_over_new_year_closes_december_and_the_year_into_shu(app):
    from datetime import datetime
    from posapp import clock
    from posapp.demo.month import seed_month
    from posapp.ledger import year_close
    from posapp.ledger.balances import account_balance
    from posapp.ledger.chart import SHU
    clock.freeze(datetime(2027, 1, 2, 9, 0))
    try:
        seed_month(2)
    finally:
        clock.freeze(None)
    entry = year_close.close_of(2026)
    assert entry is not None and account_balance(SHU) == -year_close.result_of(entry)
    assert year_close.moved(date(2026, 1, 1), date(2026, 12, 31)) == {}
