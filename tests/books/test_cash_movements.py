"""Kas keluar / kas masuk / setor & ambil bank: one immutable record, a journal entry and an outbox row;
through the drawer during a shift, above the limit only with the manager's PIN."""
import io

import pypdf
import pytest
import sqlalchemy as sa

from posapp.auth.approval import Approval
from posapp.extensions import db
from posapp.ledger.balances import account_balance, kas_balance
from posapp.ledger.models import JournalEntry
from posapp.till import cashbook, shifts
from posapp.till.cash_models import CashMovement, CashRefused
from posapp.wire.models import Outbox


def lines_of(movement):
    entry = db.session.scalar(sa.select(JournalEntry).where(JournalEntry.source_uuid == movement.uuid))
    return {(x.account_code, x.debit, x.credit) for x in entry.lines}


@pytest.fixture
def kasir_shift(users, frozen_clock):
    shift = shifts.open_shift(users["kasir"], 300_000)
    db.session.commit()
    return shift


def test_each_kind_posts_its_entry_with_an_outbox_row(users, kasir_shift):
    kasir, manajer = users["kasir"], users["manajer"]
    listrik, _ = cashbook.record(kasir, "expense", 85_000, category="listrik", note="token listrik")
    infaq, _ = cashbook.record(kasir, "income", 20_000, note="sewa etalase")
    modal, _ = cashbook.record(manajer, "capital", 5_000_000, via="bank", note="tambahan modal pengurus")
    setor, _ = cashbook.record(manajer, "deposit", 1_000_000, note="setor BSI")
    ambil, _ = cashbook.record(manajer, "withdraw", 200_000, note="uang kecil")
    db.session.commit()
    assert lines_of(listrik) == {("6201", 85_000, 0), ("1101", 0, 85_000)}
    assert lines_of(infaq) == {("1101", 20_000, 0), ("4301", 0, 20_000)}
    assert lines_of(modal) == {("1102", 5_000_000, 0), ("3101", 0, 5_000_000)}
    assert lines_of(setor) == {("1102", 1_000_000, 0), ("1101", 0, 1_000_000)}
    assert lines_of(ambil) == {("1101", 200_000, 0), ("1102", 0, 200_000)}
    assert listrik.doc_no == "KK-20261124-0001" and setor.doc_no == "SB-20261124-0001"
    kinds = set(db.session.scalars(sa.select(Outbox.kind).where(Outbox.uuid.in_([listrik.uuid, setor.uuid]))))
    assert kinds == {"cash_movement"}
    assert account_balance("1102") == 5_800_000


def test_the_kasirs_movements_count_in_the_shifts_expected_cash(users, kasir_shift):
    kasir, manajer = users["kasir"], users["manajer"]
    cashbook.record(kasir, "expense", 50_000, category="kebersihan", note="sabun lantai")
    cashbook.record(kasir, "income", 10_000, note="titip parkir")
    cashbook.record(manajer, "expense", 40_000, category="atk", note="kertas")  # office cash: not the drawer
    db.session.commit()
    report = shifts.summary(kasir_shift)
    assert report["cash_expected"] == 300_000 - 50_000 + 10_000
    assert ("Kas keluar (beban)", -50_000) in report["cashbook"]


def test_cash_out_above_the_limit_needs_the_managers_pin(users, kasir_shift):
    kasir = users["kasir"]
    with pytest.raises(Exception, match="persetujuan manajer"):
        cashbook.record(kasir, "expense", 150_000, category="gaji", note="honor penjaga")
    db.session.rollback()
    movement, _ = cashbook.record(kasir, "expense", 150_000, category="gaji", note="honor penjaga",
                                  approval=Approval("manajer", "222222"))
    db.session.commit()
    assert movement.approved_by.username == "manajer" and kas_balance() == -150_000


def test_a_kasir_records_neither_capital_nor_bank_nor_without_a_shift(users, frozen_clock):
    kasir = users["kasir"]
    with pytest.raises(CashRefused, match="Buka shift"):
        cashbook.record(kasir, "income", 10_000, note="x")
    with pytest.raises(CashRefused, match="manajer"):
        cashbook.record(kasir, "capital", 10_000, note="x")
    with pytest.raises(CashRefused, match="kategori"):
        cashbook.record(users["manajer"], "expense", 10_000, note="x")
    assert db.session.scalar(sa.select(sa.func.count(CashMovement.id))) == 0


def test_a_movement_is_never_edited_only_reversed(users, kasir_shift):
    movement, _ = cashbook.record(users["kasir"], "expense", 30_000, category="transport", note="ojek")
    db.session.commit()
    movement.amount = 3_000
    with pytest.raises(CashRefused, match="tidak boleh diubah"):
        db.session.flush()
    db.session.rollback()
    reversal = cashbook.reverse(users["manajer"], movement, "salah catat")
    db.session.commit()
    assert reversal.reverses_id == movement.id and kas_balance() == 0 and account_balance("6203") == 0
    assert shifts.summary(kasir_shift)["cash_expected"] == 300_000 - 30_000  # the manager gave it back outside it
    with pytest.raises(CashRefused, match="sudah dibatalkan"):
        cashbook.reverse(users["manajer"], movement, "lagi")


def test_the_page_records_once_and_prints_a_voucher(kasir_client, users, kasir_shift):
    page = kasir_client.get("/kas-keluar-masuk").get_data(as_text=True)
    doc_uuid = page.split('name="doc_uuid" value="')[1].split('"')[0]
    form = {"doc_uuid": doc_uuid, "kind": "expense", "category": "atk", "amount": "12.500", "note": "spidol"}
    assert kasir_client.post("/kas-keluar-masuk", data=form).status_code == 302
    kasir_client.post("/kas-keluar-masuk", data=form)
    assert db.session.scalar(sa.select(sa.func.count(CashMovement.id))) == 1
    bad = kasir_client.post("/kas-keluar-masuk", data={**form, "doc_uuid": "x", "amount": "abc"})
    assert bad.status_code == 400 and 'id="e-amount"' in bad.get_data(as_text=True)
    pdf = kasir_client.get("/kas-keluar-masuk/KK-20261124-0001.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "BUKTI KAS KELUAR" in text and "12.500" in text and "spidol" in text


def test_the_buku_kas_sums_the_new_movements_by_category(users, kasir_shift):
    from posapp.reports.book import daily_book
    cashbook.record(users["kasir"], "expense", 50_000, category="kebersihan", note="sabun")
    cashbook.record(users["manajer"], "deposit", 200_000, note="setor")
    cashbook.record(users["manajer"], "capital", 300_000, note="modal")
    db.session.commit()
    book = daily_book(kasir_shift.business_date)
    kas = {name: (cash_in, cash_out) for name, cash_in, cash_out in book["summary"]["kas"]}
    assert kas["Kas keluar (beban)"] == (0, 50_000)
    assert kas["Setor ke / ambil dari bank"] == (0, 200_000)
    assert kas["Saldo awal & tambahan modal"] == (300_000, 0)
    assert book["closing"] == kas_balance() == 50_000
