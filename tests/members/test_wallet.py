"""Dompet santri: top-ups for the wali, paying at the till within balance and limits, refunds, statements."""
import threading
import uuid
from datetime import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from posapp.extensions import db
from posapp.ledger.chart import KAS, PENJUALAN, TITIPAN_DOMPET
from posapp.shop.service import save_settings
from posapp.wallet import service as wallets
from posapp.wallet.models import Wallet, WalletMove


@pytest.fixture
def wallet(make_member, users):
    member = make_member("Ahmad Fauzi")
    opened = wallets.open_wallet(member, {"nis": "2025.001", "room": "Al-Fatih 3", "wali_name": "Bapak Fauzi",
                                          "wali_phone": "0812 3456 7890"}, users["manajer"])
    db.session.commit()
    return opened


def topup(client, wallet, amount, **form):
    return client.post(f"/dompet/{wallet.id}/isi", json={"uuid": str(uuid.uuid4()), "amount": amount, **form})


def pay(sell, product, wallet, qty=1, amount=None, cash=0, **extra):
    payments = [{"method": "dompet", "amount": amount if amount is not None else product.price * qty - cash}]
    if cash:
        payments.append({"method": "cash", "amount": cash})
    return sell([(product, qty)], payments=payments, member_id=wallet.member_id, **extra)


def test_topup_is_a_liability_never_income(kasir_client, kasir_shift, wallet, balance):
    done = topup(kasir_client, wallet, "50.000").get_json()
    assert done["balance"] == 50_000 and done["doc_no"] == "KOP01-DS-20261124-0001"
    assert topup(kasir_client, wallet, 20_000, method="transfer").status_code == 400  # no reference
    topup(kasir_client, wallet, 20_000, method="transfer", reference="BRI 123")
    assert (-balance(TITIPAN_DOMPET), balance(KAS), balance(PENJUALAN)) == (70_000, 50_000, 0)
    text = PdfReader(BytesIO(kasir_client.get(f"/dompet/bukti/{done['doc_no']}.pdf").data)).pages[0].extract_text()
    assert "ISI SALDO DOMPET" in text and "Bapak" in text and "NIS 2025.001" in text and "50.000" in text


def test_paying_at_the_till_cuts_the_balance_and_shows_it(kasir_client, kasir_shift, wallet, make_product, sell,
                                                          balance):
    topup(kasir_client, wallet, 30_000)
    scan = kasir_client.get(f"/kasir/api/scan/{wallet.member.number}").get_json()
    assert scan["member"]["wallet"]["balance"] == 30_000 and scan["member"]["wallet"]["remaining_today"] is None
    product = make_product(price=12_000)
    data = pay(sell, product, wallet, qty=2).get_json()
    assert data["wallet_balance"] == 6_000
    assert (-balance(TITIPAN_DOMPET), -balance(PENJUALAN)) == (6_000, 24_000)
    split = pay(sell, product, wallet, qty=1, amount=6_000, cash=6_000).get_json()
    assert split["wallet_balance"] == 0 and db.session.get(Wallet, wallet.id).balance == 0
    short = pay(sell, product, wallet, qty=1)
    assert short.status_code == 400 and "saldo Rp 0, belanja Rp 12.000" in short.get_json()["error"]
    sale_no = data["receipt_no"]
    text = PdfReader(BytesIO(kasir_client.get(f"/riwayat/{sale_no}.pdf").data)).pages[0].extract_text()
    assert "Dompet santri" in text and "Saldo dompet" in text and "6.000" in text


def test_limits_per_day_and_week_but_not_for_kitab(kasir_client, kasir_shift, wallet, make_product, sell,
                                                   manajer_client, frozen_clock):
    topup(kasir_client, wallet, 200_000)
    manajer_client.post(f"/dompet/{wallet.id}/batas", data={"daily_limit": "15.000", "weekly_limit": "40.000"})
    snack, kitab = make_product(price=10_000, category="Makanan"), make_product(price=50_000, category="Kitab")
    assert pay(sell, snack, wallet).status_code == 200
    over = pay(sell, snack, wallet)
    assert over.status_code == 400 and "hari ini tinggal Rp 5.000" in over.get_json()["error"]
    assert pay(sell, kitab, wallet).status_code == 200  # outside the limit: needs the balance only
    assert kasir_client.get(f"/kasir/api/scan/{wallet.member.number}").get_json()["member"]["wallet"][
        "remaining_today"] == 5_000
    for day in (25, 26, 27):
        frozen_clock(datetime(2026, 11, day, 9, 0))
        assert pay(sell, snack, wallet).status_code == 200
    frozen_clock(datetime(2026, 11, 28, 9, 0))  # Saturday: a new day, the same week (from Monday)
    week = pay(sell, snack, wallet)
    assert week.status_code == 400 and "minggu ini tinggal Rp 0" in week.get_json()["error"]


def test_a_refund_of_a_wallet_sale_goes_back_to_the_wallet(kasir_client, kasir_shift, wallet, make_product, sell,
                                                           balance):
    topup(kasir_client, wallet, 50_000)
    product = make_product(price=20_000)
    data = pay(sell, product, wallet, qty=2).get_json()
    line = db.session.scalar(db.select(db.text("id FROM sale_line")))
    kasir_client.post("/retur", data={"no": data["receipt_no"], "uuid": str(uuid.uuid4()), f"qty-{line}": "1",
                                      "approver": "manajer", "pin": "222222"})
    assert db.session.get(Wallet, wallet.id).balance == 30_000 and -balance(TITIPAN_DOMPET) == 30_000
    kinds = [m.kind for m in db.session.scalars(db.select(WalletMove).order_by(WalletMove.id))]
    assert kinds == ["topup", "purchase", "refund"]


def test_withdrawal_needs_the_manager_and_the_balance(kasir_client, kasir_shift, wallet, balance):
    topup(kasir_client, wallet, 25_000)
    url = f"/dompet/{wallet.id}/tarik"
    assert kasir_client.post(url, json={"amount": 5_000}).status_code == 403
    over = kasir_client.post(url, json={"amount": 30_000, "approver": "manajer", "pin": "222222"})
    assert over.status_code == 400 and "Rp 25.000" in over.get_json()["error"]
    assert kasir_client.post(url, json={"amount": 25_000, "approver": "manajer", "pin": "222222"}).status_code == 200
    assert db.session.get(Wallet, wallet.id).balance == 0 and balance(TITIPAN_DOMPET) == 0
    report = kasir_client.get(f"/shift/{kasir_shift.id}/laporan").get_data(as_text=True)  # the drawer's money, row by row
    assert "Isi saldo dompet santri tunai" in report and "Tarik saldo dompet santri tunai" in report
    assert "Rp 25.000" in report and "-Rp 25.000" in report and "Rp 200.000" in report  # expected = the opening cash


def test_optional_pin_per_wallet(kasir_client, kasir_shift, wallet, make_product, sell, manajer_client):
    topup(kasir_client, wallet, 50_000)
    save_settings({"wallet_pin_required": True})
    db.session.commit()
    assert manajer_client.post(f"/dompet/{wallet.id}/pin", data={"pin": "12a"}).status_code == 400
    manajer_client.post(f"/dompet/{wallet.id}/pin", data={"pin": "4321"})
    product = make_product(price=5_000)
    wrong = pay(sell, product, wallet, wallet_pin="1111")
    assert wrong.status_code == 400 and "PIN dompet salah" in wrong.get_json()["error"]
    assert pay(sell, product, wallet, wallet_pin="4321").status_code == 200


def test_a_lost_card_keeps_the_balance(kasir_client, kasir_shift, wallet, manajer_client, make_product, sell):
    topup(kasir_client, wallet, 10_000)
    manajer_client.post(f"/anggota/{wallet.member_id}/kartu-baru", data={"reason": "hilang"})
    assert kasir_client.get(f"/kasir/api/scan/{wallet.member.number}").status_code == 409
    new = kasir_client.get(f"/kasir/api/scan/{wallet.member.number}-2").get_json()
    assert new["member"]["wallet"]["balance"] == 10_000


def test_statement_low_balances_and_the_csv(kasir_client, kasir_shift, wallet, make_product, sell, runner,
                                            manajer_client):
    topup(kasir_client, wallet, 30_000)
    pay(sell, make_product(name="Roti Santri", price=15_000), wallet)
    text = PdfReader(BytesIO(kasir_client.get(f"/dompet/{wallet.id}/rekening.pdf?dari=2026-11-01&sampai=2026-11-30")
                             .data)).pages[0].extract_text()
    assert "Roti Santri × 1" in text and "Bapak Fauzi" in text and "15.000" in text
    low = kasir_client.get("/dompet?rendah=1").get_data(as_text=True)
    assert "2025.001" in low  # 15.000 is under the 20.000 the pengurus watch for
    result = runner.invoke(args=["dompet", "saldo"])
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert result.stdout_bytes.decode("utf-8-sig").splitlines() == ["nis;name;balance", "2025.001;Ahmad Fauzi;15000"]


def test_two_tills_paying_from_one_wallet_at_once_never_go_below_zero(app, wallet, make_product, users,
                                                                      frozen_clock):
    """Both tills see 30.000 and sell 20.000 at the same instant: exactly one succeeds (SQLite and PostgreSQL)."""
    from posapp.auth.models import User
    from posapp.edge import transaction
    from posapp.refusal import Refusal
    from posapp.sales import service
    from posapp.till import shifts
    product = make_product(price=20_000, stock=10)
    for name in ("kasir", "manajer"):  # two people, two tills
        shifts.open_shift(db.session.scalar(db.select(User).where(User.username == name)), 0)
    wallets.topup(db.session.get(Wallet, wallet.id), 30_000, users["manajer"], method="transfer", reference="T1")
    db.session.commit()
    barrier, outcomes = threading.Barrier(2), []
    member_id, product_id = wallet.member_id, product.id  # plain values: the threads have their own sessions

    def till(username):
        with app.app_context():
            user = db.session.scalar(db.select(User).where(User.username == username))
            barrier.wait()
            try:
                with transaction():
                    service.complete_sale(user, {"uuid": str(uuid.uuid4()), "member_id": member_id,
                                                 "lines": [{"product_id": product_id, "qty": 1}],
                                                 "payments": [{"method": "dompet", "amount": 20_000}]})
                outcomes.append("ok")
            except Refusal as exc:
                outcomes.append(str(exc))
            finally:
                db.session.remove()
    threads = [threading.Thread(target=till, args=(name,)) for name in ("kasir", "manajer")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    db.session.expire_all()
    assert outcomes.count("ok") == 1 and any("kurang: saldo Rp 10.000" in o for o in outcomes), outcomes
    assert db.session.get(Wallet, wallet.id).balance == 10_000


def test_opening_a_wallet_with_a_bad_parent_phone_says_so_next_to_it(manajer_client, make_member):
    santri = make_member("Zainal")
    response = manajer_client.post(f"/dompet/baru/{santri.id}", data={"nis": "2026099", "wali_phone": "12ab"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="e-wali_phone">Nomor HP tidak valid' in page
    assert db.session.scalar(db.select(db.func.count(Wallet.id))) == 0
