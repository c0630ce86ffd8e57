"""Issue 16 at the server: cash rounding on a sale, a manager closes a forgotten shift, the idle lock."""
from posapp.audit.models import AuditEntry
from posapp.extensions import db
from posapp.ledger.models import JournalEntry, JournalLine
from posapp.sales import pricing
from posapp.sales.models import Sale
from posapp.till.models import Shift
from tests.conftest import PASSWORD


def entry_lines(source):
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == source).order_by(JournalEntry.id.desc()))
    return sorted((x.account_code, x.debit, x.credit) for x in db.session.scalars(
        db.select(JournalLine).where(JournalLine.entry_id == entry.id)))


def test_settle_rounds_only_the_cash_part_down_to_100():
    assert pricing.cash_rounding(35_050, 100) == 50 and pricing.cash_rounding(35_050, 0) == 0
    cash = pricing.settle(35_050, [("cash", 50_000, "")], 100)
    assert (cash.rounding, cash.change, cash.applied) == (50, 15_000, [("cash", 35_000, 50_000, "")])
    exact = pricing.settle(35_050, [("cash", 35_000, "")], 100)
    assert exact.change == 0
    qris_only = pricing.settle(35_050, [("qris", 35_050, "Q1")], 100)
    assert qris_only.rounding == 0  # no cash, nothing to round
    mixed = pricing.settle(35_050, [("qris", 20_000, "Q1"), ("cash", 15_000, "")], 100)
    assert mixed.rounding == 50 and mixed.change == 0
    import pytest
    with pytest.raises(pricing.SaleRefused):
        pricing.settle(35_050, [("cash", 34_900, "")], 100)


def test_a_rounded_cash_sale_keeps_its_total_and_posts_the_rounding_to_6102(kasir_client, sell, make_product,
                                                                           kasir_shift):
    product = make_product(price=35_050, cost=30_000)
    answer = sell([(product, 1)], cash=50_000).get_json()
    assert (answer["total"], answer["rounding"], answer["change"]) == (35_050, 50, 15_000)
    sale = db.session.scalar(db.select(Sale))
    assert (sale.total, sale.rounding, sale.payments[0].amount) == (35_050, 50, 35_000)
    assert entry_lines("sale") == [("1101", 35_000, 0), ("1301", 0, 30_000), ("4101", 0, 35_050),
                                   ("5101", 30_000, 0), ("6102", 50, 0)]
    receipt = kasir_client.get(f"/riwayat/{sale.receipt_no}").get_data(as_text=True)
    assert 'id="receipt-pay-cash">Rp 50.000<' in receipt  # the cash received, not the net cash
    assert 'id="receipt-rounding">-Rp 50<' in receipt
    from posapp.till import shifts
    assert shifts.summary(db.session.get(Shift, kasir_shift.id))["cash_expected"] == 200_000 + 35_000


def test_voiding_a_rounded_sale_gives_the_rounding_back_to_the_books(kasir_client, sell, make_product, kasir_shift):
    product = make_product(price=35_050, cost=30_000)
    no = sell([(product, 1)], cash=35_000).get_json()["receipt_no"]
    kasir_client.post("/retur", data={"no": no, "uuid": "5f0c1c9e-4a52-4e5b-9b7c-2f4d0f6d8a12", "action": "void",
                                      "approver": "manajer", "pin": "222222"})
    void = db.session.scalar(db.select(Sale).where(Sale.kind == "void"))
    assert (void.total, void.rounding, void.payments[0].amount) == (35_050, 50, 35_000)
    assert entry_lines("void") == [("1101", 0, 35_000), ("1301", 30_000, 0), ("4102", 35_050, 0),
                                   ("5101", 0, 30_000), ("6102", 0, 50)]


def test_rounding_off_in_settings_takes_the_whole_amount(kasir_client, sell, make_product, kasir_shift):
    from posapp.shop.service import save_settings
    save_settings({"cash_rounding": False})
    db.session.commit()
    answer = sell([(make_product(price=35_050), 1)], cash=35_000)
    assert answer.status_code == 400 and "kurang Rp 50" in answer.get_json()["error"]


def test_a_manager_closes_a_cashiers_forgotten_shift(kasir_client, manajer_client, sell, make_product, kasir_shift):
    sell([(make_product(price=10_000), 1)], cash=10_000)
    page = manajer_client.get("/shift").get_data(as_text=True)
    assert "Shift kasir lain yang masih terbuka" in page and f"/shift/{kasir_shift.id}/tutup" in page
    assert kasir_client.get(f"/shift/{kasir_shift.id}/tutup").status_code == 403  # not for cashiers
    short = manajer_client.post(f"/shift/{kasir_shift.id}/tutup", data={"counted_cash": "205.000"})
    assert short.status_code == 400 and "catatan" in short.get_data(as_text=True)
    done = manajer_client.post(f"/shift/{kasir_shift.id}/tutup", data={"counted_cash": "210.000"})
    assert done.status_code == 302
    shift = db.session.get(Shift, kasir_shift.id)
    assert shift.closed_at is not None and shift.difference == 0 and shift.close_note.startswith("Ditutup manajer")
    log = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "shift.close"))
    assert "ditutup manajer untuk kasir" in log.detail
    closed = manajer_client.post("/buku/tutup-hari", data={"uang_dihitung": "210.000"})
    assert closed.status_code == 302  # the day close is no longer blocked


def test_idle_lock_is_kept_by_the_server_until_the_pin(kasir_client, kasir_shift):
    assert kasir_client.post("/kasir/api/kunci", json={}).get_json()["ok"]
    assert kasir_client.get("/kasir").headers["Location"].startswith("/kunci")
    assert kasir_client.get("/kasir/api/cari?q=kopi", headers={"Accept": "application/json"}).status_code == 423
    wrong = kasir_client.post("/kasir/api/buka", json={"secret": "salah-123"})
    assert wrong.status_code == 403 and "salah" in wrong.get_json()["error"]
    assert kasir_client.post("/kasir/api/buka", json={"secret": PASSWORD}).get_json()["ok"]
    assert kasir_client.get("/kasir").status_code == 200


def test_another_cashier_logs_in_at_a_locked_till(app, kasir_client, make_user, kasir_shift):
    make_user("kasir2", "kasir")
    kasir_client.post("/kasir/api/kunci", json={})
    answer = kasir_client.post("/kasir/api/masuk", json={"username": "kasir2", "password": PASSWORD}).get_json()
    assert answer["ok"] and not answer["same_user"] and answer["username"] == "kasir2"
    assert kasir_client.get("/kasir").status_code == 200  # unlocked, as kasir2 (who must open a shift)


def test_an_ended_session_answers_json_not_a_login_page(client, users):
    answer = client.get("/kasir/api/scan/123", headers={"Accept": "application/json"})
    assert answer.status_code == 401 and answer.get_json()["login_required"]
    assert client.get("/kasir").status_code == 302  # a page still goes to the login form
