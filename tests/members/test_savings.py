"""Simpanan at the counter: pokok once, wajib by the month with arrears, sukarela in and out, receipts."""
import uuid
from io import BytesIO

from pypdf import PdfReader

from posapp.extensions import db
from posapp.ledger.chart import KAS, SIMPANAN_POKOK, SIMPANAN_SUKARELA, SIMPANAN_WAJIB
from posapp.ledger.models import JournalEntry
from posapp.members import savings
from posapp.members.models import Member, Saving
from posapp.wire.models import Outbox


def deposit(client, member, **form):
    return client.post(f"/anggota/{member.id}/simpanan", json={"uuid": str(uuid.uuid4()), **form})


def test_deposits_post_to_the_member_equity_and_savings_accounts(kasir_client, kasir_shift, member, balance):
    assert deposit(kasir_client, member, kind="pokok").get_json()["amount"] == 100_000
    wajib = deposit(kasir_client, member, kind="wajib", months=2).get_json()
    assert wajib["amount"] == 20_000 and wajib["doc_no"] == "KOP01-SP-20261124-0002"
    deposit(kasir_client, member, kind="sukarela", amount="25.000")
    assert (-balance(SIMPANAN_POKOK), -balance(SIMPANAN_WAJIB), -balance(SIMPANAN_SUKARELA)) == (100_000, 20_000, 25_000)
    assert balance(KAS) == 145_000
    assert savings.balances(member.id) == {"pokok": 100_000, "wajib": 20_000, "sukarela": 25_000, "total": 145_000}
    kinds = [r.kind for r in db.session.scalars(db.select(Outbox).order_by(Outbox.seq))]
    assert kinds.count("member_saving") == 3 and kinds.count("journal_entry") == 3
    sources = {e.source for e in db.session.scalars(db.select(JournalEntry))}
    assert sources == {"simpanan"}


def test_pokok_is_paid_once_and_bad_amounts_change_nothing(kasir_client, kasir_shift, member):
    deposit(kasir_client, member, kind="pokok")
    again = deposit(kasir_client, member, kind="pokok")
    assert again.status_code == 400 and "sudah dibayar" in again.get_json()["error"]
    for bad in ({"kind": "sukarela", "amount": "-5"}, {"kind": "sukarela", "amount": "abc"},
                {"kind": "wajib", "months": 0}, {"kind": "wajib", "months": "x"}, {"kind": "emas", "amount": 5},
                {"kind": "sukarela", "amount": 5000, "method": "transfer"}):
        response = deposit(kasir_client, member, **bad)
        assert response.status_code == 400 and response.get_json()["ok"] is False, bad
    assert db.session.scalar(db.select(db.func.count(Saving.id))) == 1


def test_a_double_submit_records_one_deposit(kasir_client, kasir_shift, member):
    key = str(uuid.uuid4())
    first = kasir_client.post(f"/anggota/{member.id}/simpanan", json={"uuid": key, "kind": "sukarela", "amount": 5000})
    second = kasir_client.post(f"/anggota/{member.id}/simpanan", json={"uuid": key, "kind": "sukarela", "amount": 5000})
    assert second.get_json()["replayed"] is True and first.get_json()["doc_no"] == second.get_json()["doc_no"]
    assert savings.balances(member.id)["sukarela"] == 5000


def test_wajib_arrears_shown_and_paid_by_the_month(kasir_client, kasir_shift, make_member):
    member = make_member(joined_on="2026-08-10")
    page = kasir_client.get(f"/anggota/{member.id}").get_data(as_text=True)
    assert "Tunggakan simpanan wajib: 4 bulan (Rp 40.000), mulai 2026-08." in page
    deposit(kasir_client, member, kind="wajib", months=3)
    status = savings.status(db.session.get(Member, member.id))
    assert (status["wajib_arrears"], status["next_period"]) == (1, "2026-11")
    assert db.session.scalar(db.select(Saving.period)) == "2026-08"


def test_sukarela_withdrawal_needs_a_manager_and_never_exceeds_the_balance(kasir_client, kasir_shift, member,
                                                                            users, balance):
    deposit(kasir_client, member, kind="sukarela", amount=30_000)
    url = f"/anggota/{member.id}/tarik"
    assert kasir_client.post(url, json={"amount": 10_000}).status_code == 403
    over = kasir_client.post(url, json={"amount": 30_001, "approver": "manajer", "pin": "222222"})
    assert over.status_code == 400 and "Rp 30.000" in over.get_json()["error"]
    done = kasir_client.post(url, json={"amount": 12_000, "approver": "manajer", "pin": "222222"})
    assert done.status_code == 200
    assert savings.balances(member.id)["sukarela"] == 18_000 and -balance(SIMPANAN_SUKARELA) == 18_000


def test_cash_acts_need_a_shift_and_reach_the_drawer(kasir_client, member, kasir_shift):
    from posapp.till.shifts import summary
    deposit(kasir_client, member, kind="sukarela", amount=40_000)
    report = summary(kasir_shift)
    assert report["members"]["savings_in"] == 40_000 and report["cash_expected"] == 200_000 + 40_000
    # the X report says where the expected cash came from, on screen and on paper
    page = kasir_client.get(f"/shift/{kasir_shift.id}/laporan").get_data(as_text=True)
    assert "Simpanan anggota disetor tunai" in page and "Rp 240.000" in page
    printed = PdfReader(BytesIO(kasir_client.get(f"/shift/{kasir_shift.id}/laporan.pdf").data)).pages[0]
    assert "Simpanan anggota disetor tunai" in printed.extract_text() and "Rp 40.000" in printed.extract_text()


def test_receipt_and_statement_pdfs(kasir_client, kasir_shift, member):
    doc = deposit(kasir_client, member, kind="sukarela", amount=15_000).get_json()["doc_no"]
    deposit(kasir_client, member, kind="wajib", months=1)
    receipt = kasir_client.get(f"/anggota/bukti/{doc}.pdf")
    text = PdfReader(BytesIO(receipt.data)).pages[0].extract_text()
    assert receipt.status_code == 200 and doc in text and "Siti Aminah" in text and "15.000" in text
    statement = kasir_client.get(f"/anggota/{member.id}/rekening.pdf")
    text = PdfReader(BytesIO(statement.data)).pages[0].extract_text()
    assert "Rekening simpanan anggota" in text and "Halaman 1 dari 1" in text and doc in text


def test_leaving_pays_every_saving_back_and_keeps_history(kasir_client, kasir_shift, member, users, balance):
    deposit(kasir_client, member, kind="pokok")
    deposit(kasir_client, member, kind="sukarela", amount=20_000)
    response = kasir_client.post(f"/anggota/{member.id}/keluar", data={"approver": "manajer", "pin": "222222"})
    assert response.status_code == 302
    left = db.session.get(Member, member.id)
    assert left.status == "keluar" and left.left_on is not None and all(c.blocked_at for c in left.cards)
    assert savings.balances(member.id)["total"] == 0 and balance(SIMPANAN_POKOK) == balance(SIMPANAN_SUKARELA) == 0
    assert db.session.scalar(db.select(db.func.count(Saving.id))) == 4  # two in, two out: history kept
    assert deposit(kasir_client, member, kind="sukarela", amount=1000).status_code == 400
