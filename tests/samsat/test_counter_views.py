"""The Samsat counter through its pages: manual entry, bill, payment once, refusals, bad input."""
import json

import pytest

from posapp.extensions import db
from posapp.ledger.models import JournalEntry, JournalLine
from posapp.samsat.models import SamsatPayment
from posapp.wire.models import Outbox
from tests.samsat.conftest import BILL_TOTAL, bill_uuid


def payments():
    return db.session.scalars(db.select(SamsatPayment).order_by(SamsatPayment.id)).all()


def test_counter_page_is_in_the_menu_for_a_kasir(kasir_client):
    page = kasir_client.get("/samsat").get_data(as_text=True)
    assert 'href="/samsat"' in page and "Nomor polisi" in page


def test_manual_bill_shows_each_component_the_fee_and_is_unverified(counter_shift, show_bill, samsat_fee):
    samsat_fee(5000)
    page = show_bill().get_data(as_text=True)
    assert "belum terverifikasi" in page
    for label, amount in (("PKB", "Rp 180.000"), ("Opsen PKB", "Rp 118.800"), ("Denda PKB", "Rp 1.800"),
                          ("Denda opsen PKB", "Rp 1.188"), ("SWDKLLJ", "Rp 35.000"), ("Denda SWDKLLJ", "Rp 8.000")):
        assert f"<td>{label}</td><td class=\"num\">{amount}</td>" in page
    assert 'id="bill-tax">Rp 344.788<' in page
    assert 'id="bill-fee">Rp 5.000<' in page
    assert 'id="bill-total">Rp 349.788<' in page


def test_payment_writes_payment_outbox_and_journal_in_one_go(counter_shift, show_bill, pay, samsat_fee):
    samsat_fee(5000)
    uuid = bill_uuid(show_bill())
    response = pay(uuid, tendered="350.000", total="1")  # a browser "total" is ignored
    assert response.status_code == 302
    [payment] = payments()
    assert (payment.uuid, payment.tax, payment.fee, payment.total, payment.change) == \
        (uuid, BILL_TOTAL, 5000, BILL_TOTAL + 5000, 300)  # cash due 349.700: the Rp 88 is the koperasi's
    assert payment.rounding == 88
    assert payment.transaction_no == "SAM-KOP01-20261124-0001"
    assert payment.ruleset == "jatim-2025" and payment.verified is False and payment.shift_id == counter_shift.id
    assert payment.status == "menunggu_kirim"
    row = db.session.scalar(db.select(Outbox).where(Outbox.kind == "samsat_payment"))
    body = json.loads(row.payload)
    assert (row.uuid, body["bill_total"], body["plate"], body["paid_on"]) == \
        (uuid, BILL_TOTAL, "L1234AB", "2026-11-24")
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "samsat"))
    lines = {(x.account_code, x.debit, x.credit) for x in db.session.scalars(
        db.select(JournalLine).where(JournalLine.entry_id == entry.id))}
    # the titipan keeps its whole amount; the Rp 88 rounded off is the koperasi's (6102 Selisih pembulatan)
    assert lines == {("1101", BILL_TOTAL + 5000 - 88, 0), ("6102", 88, 0), ("2101", 0, BILL_TOTAL), ("4201", 0, 5000)}


def test_double_submit_records_the_payment_once(counter_shift, show_bill, pay):
    uuid = bill_uuid(show_bill())
    first, second = pay(uuid), pay(uuid)
    assert first.headers["Location"] == second.headers["Location"]
    assert len(payments()) == 1
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_payment")) == 1


def test_each_bill_gets_the_next_number_and_a_refused_payment_uses_none(counter_shift, show_bill, pay):
    pay(bill_uuid(show_bill()))
    assert pay(bill_uuid(show_bill(plate="L 1 A")), chassis_check="00000").status_code == 400
    pay(bill_uuid(show_bill(plate="L 1 A")))
    assert [p.transaction_no[-4:] for p in payments()] == ["0001", "0002"]


def test_a_refusal_shows_where_to_go_and_cannot_be_paid(counter_shift, show_bill, pay):
    response = show_bill(plate="B 1234 XY")
    page = response.get_data(as_text=True)
    assert 'id="refusal"' in page and "bukan kendaraan Jawa Timur" in page
    assert 'id="pay-form"' not in page
    forged = "0b9a4c8e-2f3d-4c5e-9a6b-7c8d9e0f1a2b"
    assert pay(forged).status_code == 302  # no bill of that UUID was shown: back to the counter
    assert payments() == []


@pytest.mark.parametrize("fields, field, message", [
    ({"chassis_check": "56780"}, "chassis_check", "tidak cocok"),
    ({"chassis_check": "567"}, "chassis_check", "5 karakter"),
    ({"ktp_checked": None}, "ktp_checked", "KTP"),
    ({"tendered": "100.000"}, "tendered", "kurang"),
    ({"method": "noncash", "reference": ""}, "reference", "referensi"),
])
def test_a_failed_check_records_nothing(counter_shift, show_bill, pay, fields, field, message):
    response = pay(bill_uuid(show_bill()), **fields)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert payments() == []
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_payment")) == 0
    assert db.session.scalar(db.select(db.func.count(JournalEntry.id))) == 0


def test_kasir_without_an_open_shift_is_refused(kasir_client, frozen_clock, show_bill, pay):
    response = pay(bill_uuid(show_bill()))
    assert response.status_code == 400
    assert "Buka shift dulu" in response.get_data(as_text=True)
    assert payments() == []


def test_non_cash_payment_keeps_its_reference_and_posts_to_bank(counter_shift, show_bill, pay):
    pay(bill_uuid(show_bill()), method="noncash", reference="QRIS-778899", tendered="")
    [payment] = payments()
    assert (payment.method, payment.reference, payment.tendered, payment.change) == \
        ("noncash", "QRIS-778899", BILL_TOTAL, 0)
    debit = db.session.scalar(db.select(JournalLine.account_code).where(JournalLine.debit > 0))
    assert debit == "1102"


@pytest.mark.parametrize("fields, message", [
    ({"njkb": ""}, "Isi NJKB atau PKB pokok"),
    ({"njkb": "0"}, "lebih dari 0"),
    ({"njkb": "900.000.000.000"}, "terlalu besar"),
    ({"pkb_pokok": "250.000"}, "jangan keduanya"),
    ({"tax_due": "2056-11-01", "stnk_valid_until": "2059-11-01"}, "terlalu jauh"),
    ({"tax_due": ""}, "Isi tanggal jatuh tempo"),
    ({"cc": "seratus"}, "bilangan bulat"),
    ({"chassis_no": "12"}, "Nomor rangka"),
    ({"vehicle_class": "kapal"}, "Pilih jenis kendaraan"),
])
def test_bad_stnk_facts_get_a_message_and_no_bill(counter_shift, show_bill, fields, message):
    response = show_bill(**fields)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and 'id="pay-form"' not in page


def test_an_stnk_ending_before_the_tax_due_date_is_the_renewal_refusal(counter_shift, show_bill):
    # samsat.md: a year owed due on or after the STNK's expiry is the five-yearly renewal (was malformed input)
    page = show_bill(stnk_valid_until="2026-10-01").get_data(as_text=True)
    assert "pengesahan lima tahunan" in page and 'id="pay-form"' not in page


def test_a_malformed_plate_is_a_refusal(counter_shift, show_bill):
    page = show_bill(plate="12-ABC-34").get_data(as_text=True)
    assert "tidak sesuai format" in page and 'id="pay-form"' not in page


def test_receipt_page_shows_the_bukti_setor(kasir_client, counter_shift, show_bill, pay):
    response = pay(bill_uuid(show_bill()))
    text = kasir_client.get(response.headers["Location"]).get_data(as_text=True)
    for expected in ("BUKTI SETOR PKB", "SAM-KOP01-20261124-0001", "L 1234 AB", "Ahmad Fauzi", "Honda Beat",
                     "01-11-2026", "01-11-2027", "BUKAN e-TBPKP", "menunggu konfirmasi",
                     "[QR SAM-KOP01-20261124-0001]"):
        assert expected in text
