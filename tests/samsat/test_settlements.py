"""Every payment ends settled: the unsettled page, pengembalian, kurang bayar, refund of an excess, setoran."""
import json
import re
from datetime import datetime

import pytest

from posapp.extensions import db
from posapp.ledger.balances import account_balance
from posapp.ledger.chart import TITIPAN
from posapp.ledger.models import JournalEntry, JournalLine
from posapp.samsat import payments as samsat_payments
from posapp.samsat.models import SamsatPayment
from posapp.samsat.settlement_models import SamsatSettlement
from posapp.wire.models import Outbox
from tests.conftest import PINS
from tests.samsat.conftest import BILL_TOTAL, bill_uuid

FEE = 5000


@pytest.fixture
def paid(counter_shift, show_bill, pay, samsat_fee):
    """Pay for a vehicle (plate by keyword); returns the payment."""
    samsat_fee(FEE)

    def make(plate="L 1234 AB", **fields):
        assert pay(bill_uuid(show_bill(plate=plate)), **fields).status_code == 302
        return db.session.scalars(db.select(SamsatPayment).order_by(SamsatPayment.id.desc())).first()
    return make


def verdict(payment, status, difference=None, reason=""):
    samsat_payments.mark_sent([payment.uuid])
    ntpd = "2611249999999999" if status == "terkonfirmasi" else None
    samsat_payments.apply_confirmation(payment.uuid, status, ntpd, difference, reason)
    db.session.commit()


def event_id(payment) -> str:
    db.session.refresh(payment)
    return str(payment.latest.id)


def settle(client, payment, **fields):
    data = {"event_id": event_id(payment), "method": "cash", **fields}
    return client.post(f"/samsat/pembayaran/{payment.uuid}/selesaikan", data={k: v for k, v in data.items() if v is not None})


def entry_lines(doc_no) -> set:
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source_ref == doc_no))
    return {(x.account_code, x.debit, x.credit) for x in db.session.scalars(
        db.select(JournalLine).where(JournalLine.entry_id == entry.id))}


def titipan() -> int:
    return -account_balance(TITIPAN)


def test_a_rejected_payment_is_refunded_with_its_receipt_entry_and_outbox_row(manajer_client, paid):
    payment = paid()
    verdict(payment, "ditolak", reason="already_paid")
    response = settle(manajer_client, payment, fee_refund="1", note="diterima Pak Ahmad")
    assert response.status_code == 302
    done = db.session.scalar(db.select(SamsatSettlement))
    assert (done.kind, done.reason, done.amount, done.fee_refund, done.approved_by) == \
        ("pengembalian", "ditolak", BILL_TOTAL, FEE, "manajer")
    assert done.settlement_no == "KMB-KOP01-20261124-0001"
    # the resident paid the total rounded down in cash: that comes back, and the rounding's expense is reversed
    rounded = payment.rounding
    assert rounded == (BILL_TOTAL + FEE) % 100
    assert entry_lines(done.settlement_no) == {("2101", BILL_TOTAL, 0), ("4201", FEE, 0),
                                               ("1101", 0, BILL_TOTAL + FEE - rounded), ("6102", 0, rounded)}
    assert payment.status == "dikembalikan" and titipan() == 0
    row = db.session.scalar(db.select(Outbox).where(Outbox.kind == "samsat_refund"))
    body = json.loads(row.payload)
    assert (row.uuid, body["payment_uuid"], body["amount"], body["total"], body["reason"]) == \
        (done.uuid, payment.uuid, BILL_TOTAL, BILL_TOTAL + FEE - rounded, "ditolak")
    page = manajer_client.get(response.headers["Location"]).get_data(as_text=True)
    for words in ("BUKTI PENGEMBALIAN", done.settlement_no, payment.transaction_no, "L 1234 AB",
                  "pembayaran ditolak Samsat", "Rp 349.700", "Tanda tangan penerima", "diterima Pak Ahmad"):
        assert words in page
    assert manajer_client.get(f"/samsat/penyelesaian/{done.uuid}/struk.pdf").data.startswith(b"%PDF")
    # settled: off the unsettled page, and it cannot be refunded twice
    assert payment.transaction_no not in manajer_client.get("/samsat/belum-selesai").get_data(as_text=True)
    again = settle(manajer_client, payment)
    assert again.status_code == 400 and "tidak perlu diselesaikan" in again.get_data(as_text=True)


def test_the_fee_may_stay_with_the_koperasi(manajer_client, paid):
    payment = paid()
    verdict(payment, "ditolak", reason="vehicle_blocked")
    settle(manajer_client, payment, method="noncash", reference="TRF-BRI-77")  # fee_refund not ticked
    done = db.session.scalar(db.select(SamsatSettlement))
    rounded = payment.rounding  # the cash was rounded down: the resident gets back what they paid, less the fee
    assert (done.total, done.method, done.reference) == (BILL_TOTAL - rounded, "noncash", "TRF-BRI-77")
    assert entry_lines(done.settlement_no) == {("2101", BILL_TOTAL, 0), ("1102", 0, BILL_TOTAL - rounded),
                                               ("6102", 0, rounded)}


def test_a_shortfall_is_collected_then_the_hub_confirms_and_the_setoran_carries_it(manajer_client, paid):
    payment = paid()
    verdict(payment, "selisih", difference=12_500)  # the hub's bill is Rp 12.500 more
    page = manajer_client.get("/samsat/belum-selesai").get_data(as_text=True)
    assert "Terima kurang bayar Rp 12.500" in page
    assert settle(manajer_client, payment).status_code == 302
    done = db.session.scalar(db.select(SamsatSettlement))
    assert (done.kind, done.settlement_no) == ("kurang_bayar", "KRG-KOP01-20261124-0001")
    assert entry_lines(done.settlement_no) == {("1101", 12_500, 0), ("2101", 0, 12_500)}
    assert payment.status == "diselesaikan" and titipan() == BILL_TOTAL + 12_500
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_shortfall")) == 1
    assert "BUKTI KURANG BAYAR" in manajer_client.get(f"/samsat/penyelesaian/{done.uuid}").get_data(as_text=True)
    verdict(payment, "terkonfirmasi")  # the hub's NTPD once it holds the shortfall
    manajer_client.post("/samsat/setoran", data={"payment_id": [str(payment.id)], "via": "bank"})
    setoran = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "setoran"))
    assert entry_lines(setoran.source_ref) == {("2101", BILL_TOTAL + 12_500, 0), ("1102", 0, BILL_TOTAL + 12_500)}
    assert titipan() == 0


def test_an_excess_is_refunded_and_the_setoran_is_what_is_left(manajer_client, paid):
    payment = paid()
    verdict(payment, "selisih", difference=-1_000)  # the hub's bill is Rp 1.000 less
    settle(manajer_client, payment, fee_refund="1")  # no fee goes back with an excess
    done = db.session.scalar(db.select(SamsatSettlement))
    assert (done.kind, done.reason, done.amount, done.fee_refund) == ("pengembalian", "kelebihan", 1_000, 0)
    assert entry_lines(done.settlement_no) == {("2101", 1_000, 0), ("1101", 0, 1_000)}
    assert payment.status == "diselesaikan" and titipan() == BILL_TOTAL - 1_000
    verdict(payment, "terkonfirmasi")
    manajer_client.post("/samsat/setoran", data={"payment_id": [str(payment.id)], "via": "cash"})
    assert titipan() == 0


def test_the_unsettled_page_lists_oldest_first_with_age_and_amount(manajer_client, paid, frozen_clock):
    old = paid("L 1 A")
    frozen_clock(datetime(2026, 11, 27, 9, 0))
    rejected, waiting = paid("L 2 B", tendered="400.000"), paid("L 3 C")
    verdict(rejected, "ditolak", reason="already_paid")
    verdict(old, "terkonfirmasi")
    page = manajer_client.get("/samsat/belum-selesai").get_data(as_text=True)
    order = [page.index(p.transaction_no) for p in (old, rejected, waiting)]
    assert order == sorted(order)
    row = page[page.index(f'id="row-{old.uuid}"'):page.index(f'id="row-{rejected.uuid}"')]
    assert "3 hari" in row and "siap disetor" in row and f"Rp {BILL_TOTAL:,}".replace(",", ".") in row
    assert "tahun pajak ini sudah dibayar" in page and "menunggu dikirim ke hub" in page
    total = re.search(r'id="unsettled-total">([^<]*)<', page).group(1)
    balance = re.search(r'id="titipan-balance">([^<]*)<', page).group(1)
    assert total == balance == f"Rp {3 * BILL_TOTAL:,}".replace(",", ".")


def test_a_kasir_needs_the_managers_pin_and_the_refused_form_keeps_what_was_typed(kasir_client, paid):
    payment = paid()
    verdict(payment, "ditolak", reason="already_paid")
    refused = settle(kasir_client, payment, method="noncash", reference="TRF-9", note="anak pemilik",
                     approver="manajer", pin="000000")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "PIN manajer salah" in page
    form = page[page.index(f'id="settle-{payment.uuid}"'):]
    form = form[:form.index("</form>")]
    assert 'value="noncash" checked' in form and 'value="TRF-9"' in form and 'value="anak pemilik"' in form
    assert 'name="fee_refund" value="1" >' in form  # left unticked, as sent
    assert db.session.scalar(db.select(db.func.count(SamsatSettlement.id))) == 0
    done = settle(kasir_client, payment, approver="manajer", pin=PINS["manajer"])
    assert done.status_code == 302 and db.session.scalar(db.select(SamsatSettlement.approved_by)) == "manajer"


@pytest.mark.parametrize("fields, words", [({"method": "noncash", "reference": ""}, "referensi"),
                                           ({"method": "cek"}, "tunai atau non-tunai"),
                                           ({"event_id": "1"}, "baru saja berubah")])
def test_a_bad_settlement_records_nothing(manajer_client, paid, fields, words):
    payment = paid()
    verdict(payment, "selisih", difference=2_000)
    refused = settle(manajer_client, payment, **fields)
    assert refused.status_code == 400 and words in refused.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(SamsatSettlement.id))) == 0
    assert payment.status == "selisih" and titipan() == BILL_TOTAL


def test_a_payment_waiting_for_the_hub_has_nothing_to_settle(manajer_client, paid):
    payment = paid()
    response = manajer_client.post(f"/samsat/pembayaran/{payment.uuid}/selesaikan",
                                   data={"event_id": event_id(payment), "method": "cash"})
    assert response.status_code == 400 and "tidak perlu diselesaikan" in response.get_data(as_text=True)


def test_a_cash_refund_at_the_till_leaves_the_drawer(kasir_client, paid):
    from posapp.till import shifts
    payment = paid()
    verdict(payment, "ditolak", reason="already_paid")
    settle(kasir_client, payment, fee_refund="1", approver="manajer", pin=PINS["manajer"])
    report = shifts.summary(shifts.open_shift_of(payment.user))
    assert report["samsat"]["refunded"] == BILL_TOTAL + FEE - payment.rounding  # what the resident had paid
    assert report["cash_expected"] == 100_000  # in with the payment, out with the refund


def test_the_payment_page_links_its_settlement(manajer_client, paid):
    payment = paid()
    verdict(payment, "ditolak", reason="already_paid")
    assert 'id="settle-link"' in manajer_client.get(f"/samsat/pembayaran/{payment.uuid}").get_data(as_text=True)
    settle(manajer_client, payment)
    page = manajer_client.get(f"/samsat/pembayaran/{payment.uuid}").get_data(as_text=True)
    done = db.session.scalar(db.select(SamsatSettlement))
    assert done.settlement_no in page and "Dikembalikan" in page and 'id="settle-link"' not in page


def test_setoran_form_keeps_the_ticked_payments_after_a_refusal(manajer_client, paid):
    first, second = paid("L 1 A"), paid("L 2 B")
    verdict(first, "terkonfirmasi")
    verdict(second, "terkonfirmasi")
    response = manajer_client.post("/samsat/setoran", data={"payment_id": [str(second.id)], "via": "kapal",
                                                           "note": "slip 7"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    ticks = dict(re.findall(r'name="payment_id" value="(\d+)" (checked)?', page))
    assert ticks == {str(first.id): "", str(second.id): "checked"}
    assert 'value="slip 7"' in page


def test_two_tills_settling_the_same_verdict_at_once_record_it_once(app, manajer_client, make_user, paid):
    import threading

    from tests.conftest import _logged_in
    make_user("manajer2", "manajer")
    clients = [manajer_client, _logged_in(app, "manajer2")]
    payment = paid()
    verdict(payment, "ditolak", reason="already_paid")
    data = {"event_id": event_id(payment), "method": "cash"}
    start, answers = threading.Barrier(2), []

    def settle_at(client):
        with app.app_context():
            start.wait()
            answers.append(client.post(f"/samsat/pembayaran/{payment.uuid}/selesaikan", data=data))
    threads = [threading.Thread(target=settle_at, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(answers) == 2
    assert db.session.scalar(db.select(db.func.count(SamsatSettlement.id))) == 1
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_refund")) == 1
    assert titipan() == 0  # refunded once, not twice
    winner = [a for a in answers if "/samsat/penyelesaian/" in a.headers.get("Location", "")]
    assert len(winner) == 1
