"""The member at the till: card scan, member prices, Piutang anggota as a tender, refunds, repayments, aging."""
import uuid
from datetime import datetime
from io import BytesIO

from pypdf import PdfReader

from posapp.extensions import db
from posapp.ledger.chart import PENJUALAN, PIUTANG_ANGGOTA
from posapp.ledger.models import JournalEntry
from posapp.members.models import CreditMove, Member
from posapp.sales.models import Sale


def test_scanning_a_card_gives_the_member_to_attach(kasir_client, kasir_shift, member, make_product):
    product = make_product(barcode="8991234567891")
    assert kasir_client.get("/kasir/api/scan/8991234567891").get_json()["id"] == product.id
    found = kasir_client.get(f"/kasir/api/scan/{member.number}").get_json()
    assert found["ok"] and found["member"]["name"] == "Siti Aminah"
    assert found["member"]["credit"] == {"limit": 100_000, "open": 0, "available": 100_000}
    assert kasir_client.get("/kasir/api/scan/AGT-99999").status_code == 404


def test_member_prices_and_the_name_on_the_receipt(sell, make_product, member, kasir_client):
    product = make_product(price=10_000, member_price=9_000)
    data = sell([(product, 2)], cash=20_000, member_id=member.id).get_json()
    assert data["total"] == 18_000 and data["member"]["name"] == "Siti Aminah"
    sale = db.session.scalar(db.select(Sale))
    assert sale.member_id == member.id and sale.member is True
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "sale"))
    assert entry.party == "anggota"
    pdf = kasir_client.get(f"/riwayat/{sale.receipt_no}.pdf")
    text = PdfReader(BytesIO(pdf.data)).pages[0].extract_text()
    assert "Siti Aminah" in text and member.number in text
    assert sell([(product, 1)], cash=10_000).get_json()["total"] == 10_000  # no member: the normal price


def test_an_unknown_or_departed_member_is_refused(sell, make_product, member):
    product = make_product()
    assert sell([(product, 1)], cash=10_000, member_id=999).status_code == 400
    db.session.get(Member, member.id).status = "keluar"
    db.session.commit()
    refused = sell([(product, 1)], cash=10_000, member_id=member.id)
    assert refused.status_code == 400 and "sudah keluar" in refused.get_json()["error"]


def test_kasbon_alone_or_split_with_cash_within_the_limit(sell, make_product, member, balance):
    product = make_product(price=30_000)
    alone = sell([(product, 1)], payments=[{"method": "kasbon", "amount": 30_000}], member_id=member.id)
    assert alone.status_code == 200, alone.get_json()
    split = sell([(product, 2)], payments=[{"method": "kasbon", "amount": 50_000},
                                           {"method": "cash", "amount": 20_000}], member_id=member.id)
    assert split.status_code == 200, split.get_json()
    assert db.session.get(Member, member.id).credit_open == 80_000
    assert balance(PIUTANG_ANGGOTA) == 80_000 and -balance(PENJUALAN) == 90_000
    refused = sell([(product, 1)], payments=[{"method": "kasbon", "amount": 30_000}], member_id=member.id)
    body = refused.get_json()
    assert refused.status_code == 400 and "sisa limit Rp 20.000" in body["error"]
    assert db.session.scalar(db.select(db.func.count(Sale.id))) == 2
    no_member = sell([(product, 1)], payments=[{"method": "kasbon", "amount": 30_000}])
    assert no_member.status_code == 400 and "kartu anggota" in no_member.get_json()["error"]


def test_a_refund_of_a_kasbon_sale_lowers_the_credit(sell, make_product, member, kasir_client, users, balance):
    product = make_product(price=20_000)
    data = sell([(product, 2)], payments=[{"method": "kasbon", "amount": 30_000}, {"method": "cash", "amount": 10_000}],
                member_id=member.id).get_json()
    sale = db.session.scalar(db.select(Sale))
    line = sale.lines[0]
    response = kasir_client.post("/retur", data={"no": data["receipt_no"], "uuid": str(uuid.uuid4()),
                                                 f"qty-{line.id}": "1", "approver": "manajer", "pin": "222222"})
    assert response.status_code == 302
    refund = db.session.scalar(db.select(Sale).where(Sale.kind == "refund"))
    assert [(p.method, p.amount) for p in refund.payments] == [("kasbon", 20_000)] and refund.member_id == member.id
    assert db.session.get(Member, member.id).credit_open == 10_000 and balance(PIUTANG_ANGGOTA) == 10_000


def test_repayment_at_the_counter_with_a_receipt(sell, make_product, member, kasir_client, balance):
    product = make_product(price=50_000)
    sell([(product, 1)], payments=[{"method": "kasbon", "amount": 50_000}], member_id=member.id)
    over = kasir_client.post(f"/anggota/{member.id}/bayar-kasbon", json={"amount": 60_000})
    assert over.status_code == 400 and "Rp 50.000" in over.get_json()["error"]
    paid = kasir_client.post(f"/anggota/{member.id}/bayar-kasbon", json={"amount": "20.000"}).get_json()
    assert paid["doc_no"] == "KOP01-KB-20261124-0001"
    assert db.session.get(Member, member.id).credit_open == 30_000 and balance(PIUTANG_ANGGOTA) == 30_000
    text = PdfReader(BytesIO(kasir_client.get(f"/anggota/bukti/{paid['doc_no']}.pdf").data)).pages[0].extract_text()
    assert "PEMBAYARAN KASBON" in text and "30.000" in text  # what is still owed


def test_only_the_manager_sets_limits(kasir_client, manajer_client, member):
    assert kasir_client.post(f"/anggota/{member.id}/limit", data={"credit_limit": "500.000"}).status_code == 403
    assert manajer_client.post(f"/anggota/{member.id}/limit", data={"credit_limit": "500.000"}).status_code == 302
    assert db.session.get(Member, member.id).credit_limit == 500_000
    bad = manajer_client.post(f"/anggota/{member.id}/limit", data={"credit_limit": "-1"})
    assert bad.status_code == 400 and db.session.get(Member, member.id).credit_limit == 500_000


def test_aging_list_for_the_manager(sell, make_product, member, manajer_client, frozen_clock, kasir_client):
    product = make_product(price=40_000)
    frozen_clock(datetime(2026, 8, 1, 9, 0))
    kasir_client.post("/shift/tutup", data={"counted_cash": "200.000"})
    kasir_client.post("/shift/buka", data={"opening_cash": "0"})
    sell([(product, 1)], payments=[{"method": "kasbon", "amount": 40_000}], member_id=member.id)
    frozen_clock(datetime(2026, 11, 20, 9, 0))
    sell([(product, 1)], payments=[{"method": "kasbon", "amount": 40_000}], member_id=member.id)
    kasir_client.post(f"/anggota/{member.id}/bayar-kasbon", json={"amount": 10_000})
    page = manajer_client.get("/anggota/kasbon").get_data(as_text=True)
    assert "Siti Aminah" in page and "Rp 30.000" in page and "Rp 40.000" in page and "Rp 70.000" in page
    moves = db.session.scalars(db.select(CreditMove).order_by(CreditMove.id)).all()
    assert [m.kind for m in moves] == ["charge", "charge", "repay"]
