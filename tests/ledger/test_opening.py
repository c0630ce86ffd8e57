"""Saldo awal kas: recorded once by the manajer, so the first day close compares the count with the real cash."""
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa

from posapp.audit.models import AuditEntry
from posapp.extensions import db
from posapp.ledger import balances
from posapp.ledger.models import Account, DayClose, JournalEntry
from posapp.sales import service
from posapp.till import shifts
from posapp.wire.models import Outbox

from .conftest import DAY

FLOAT = 500_000  # the till float and the safe when the shop starts using the app


def record(client, kas="500.000", bank="", day=DAY, **extra):
    return client.post("/buku/saldo-awal", data={"tanggal": day.isoformat(), "saldo_kas": kas,
                                                 "saldo_bank": bank, **extra})


def count(model):
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def close(client, counted, day=DAY):
    return client.post("/buku/tutup-hari", data={"tanggal": day.isoformat(), "uang_dihitung": counted})


def test_manajer_records_opening_balance_as_one_journal_entry(manajer_client, ledger):
    response = record(manajer_client, kas="500.000", bank="Rp 1.250.000", catatan="laci + brankas")
    assert response.status_code == 302 and response.location.endswith("/buku/kas?tanggal=2026-11-24")
    entry = db.session.scalar(sa.select(JournalEntry))
    assert (entry.source, entry.business_date, entry.created_by) == ("opening", DAY, "manajer")
    assert {(x.account_code, x.debit, x.credit) for x in entry.lines} == {
        ("1101", 500_000, 0), ("1102", 1_250_000, 0), ("3101", 0, 1_750_000)}
    assert uuid.UUID(entry.uuid) and db.session.scalar(sa.select(Outbox.kind).where(Outbox.uuid == entry.uuid)) \
        == "journal_entry"
    assert db.session.scalar(sa.select(AuditEntry.detail).where(AuditEntry.action == "ledger.opening")) \
        == f"24-11-2026: kas 500000, bank 1250000 ({entry.entry_no})"
    assert balances.kas_balance(DAY) == 500_000 and sum(r["balance"] for r in balances.trial_balance()) == 0
    book = manajer_client.get(response.location).get_data(as_text=True)
    assert "Saldo awal kas: laci + brankas" in book and "Rp 500.000" in book
    assert "Catat saldo awal kas dulu" not in book
    trial = manajer_client.get("/buku/laporan?dari=2026-11-01&sampai=2026-11-24").get_data(as_text=True)
    assert "Modal / saldo awal" in trial and "Modal (ekuitas)" in trial


def test_second_opening_balance_refused(manajer_client, ledger):
    assert record(manajer_client).status_code == 302
    response = record(manajer_client, kas="600.000")
    assert response.status_code == 400
    assert "sudah dicatat" in response.get_data(as_text=True) and "selisih kas" in response.get_data(as_text=True)
    assert count(JournalEntry) == 1 and balances.kas_balance() == FLOAT
    page = manajer_client.get("/buku/saldo-awal").get_data(as_text=True)
    assert "sudah dicatat" in page and 'name="saldo_kas"' not in page


@pytest.mark.parametrize("kas, bank, message", [
    ("0", "", "lebih dari Rp 0"),
    ("0", "0", "lebih dari Rp 0"),
    ("-500.000", "", "tidak boleh negatif"),
    ("500.000", "-1", "tidak boleh negatif"),
    ("lima ratus ribu", "", "tidak valid"),
    ("", "", "tidak valid"),
    ("50.000.000.000", "", "paling banyak Rp 10.000.000.000"),
    ("1000", "10.000.000.001", "paling banyak Rp 10.000.000.000"),
])
def test_bad_amounts_refused_nothing_saved(manajer_client, ledger, kas, bank, message):
    response = record(manajer_client, kas=kas, bank=bank)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert count(JournalEntry) == 0 and count(Outbox) == 0
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "ledger.opening")) == 0


def test_future_or_closed_day_refused(manajer_client, ledger):
    response = record(manajer_client, day=DAY + timedelta(days=1))
    assert response.status_code == 400 and "belum terjadi" in response.get_data(as_text=True)
    assert close(manajer_client, "0", day=DAY - timedelta(days=1)).status_code == 302
    response = record(manajer_client, day=DAY - timedelta(days=1))
    assert response.status_code == 400 and "sudah ditutup" in response.get_data(as_text=True)
    assert count(JournalEntry) == 0
    assert record(manajer_client, day=DAY).status_code == 302  # after the last close it is still possible


def test_kasir_cannot_record(kasir_client, ledger):
    assert kasir_client.get("/buku/saldo-awal").status_code == 403
    assert record(kasir_client).status_code == 403
    assert count(JournalEntry) == 0


def test_close_page_hints_until_opening_balance_recorded(manajer_client, ledger):
    page = manajer_client.get("/buku/tutup-hari").get_data(as_text=True)
    assert "Catat saldo awal kas dulu agar selisih kas benar" in page and 'href="/buku/saldo-awal"' in page
    record(manajer_client)
    assert "Catat saldo awal kas dulu" not in manajer_client.get("/buku/tutup-hari").get_data(as_text=True)


def test_no_hint_once_a_day_was_closed(manajer_client, ledger):
    assert close(manajer_client, "0", day=DAY - timedelta(days=1)).status_code == 302
    assert "Catat saldo awal kas dulu" not in manajer_client.get("/buku/tutup-hari").get_data(as_text=True)


def test_form_suggests_the_first_day_with_postings(manajer_client, post):
    post("sale", cash=10_000, doc_no="A", business_date=DAY - timedelta(days=2))
    db.session.commit()
    page = manajer_client.get("/buku/saldo-awal").get_data(as_text=True)
    assert 'value="22-11-2026"' in page  # dd-mm-yyyy, not the browser's locale


def _cash_day(users, make_product):
    """A kasir opens with the float, sells for cash, closes the shift with a correct count."""
    kasir = users["kasir"]
    product = make_product(price=51_500, cost=44_000)
    shift = shifts.open_shift(kasir, FLOAT)
    for _ in range(2):
        service.complete_sale(kasir, {"uuid": str(uuid.uuid4()), "member": False,
                                      "lines": [{"product_id": product.id, "qty": 2}],
                                      "payments": [{"method": "cash", "amount": 103_000}]})
    db.session.commit()
    shifts.close_shift(shift, kasir, FLOAT + 206_000)
    db.session.commit()


@pytest.mark.parametrize("with_opening, posted_difference", [(True, 0), (False, FLOAT)])
def test_day_close_after_opening_balance_posts_no_cash_difference(manajer_client, ledger, users, make_product,
                                                                  with_opening, posted_difference):
    if with_opening:
        assert record(manajer_client, kas="500.000").status_code == 302
    _cash_day(users, make_product)
    assert close(manajer_client, "706.000").status_code == 302  # the float plus the day's cash sales
    day_close = db.session.scalar(sa.select(DayClose))
    assert (day_close.cash_counted, day_close.difference) == (706_000, posted_difference)
    assert balances.account_balance("6101") == -posted_difference  # without saldo awal: the float as "kas lebih"
    assert balances.kas_balance(DAY) == 706_000


def test_existing_database_gets_the_new_account_on_next_posting(app, frozen_clock):
    from posapp.ledger import acts, chart
    db.session.add_all(Account(code=c, name=n, type=t) for c, n, t in chart.CHART if c != "3101")
    db.session.commit()  # a shop database seeded before the opening balance existed
    acts.post_sale(uuid=str(uuid.uuid4()), business_date=DAY, cash=1_000, doc_no="A")
    db.session.commit()
    assert (db.session.get(Account, "3101").name, db.session.get(Account, "3101").type) == (
        "Modal / saldo awal", "equity")


def test_reversed_opening_balance_can_be_recorded_again(manajer_client, ledger):
    from posapp.ledger import journal, opening
    record(manajer_client, kas="50.000")  # a typo: one zero missing
    journal.reverse_entry(db.session.scalar(sa.select(JournalEntry)), "manajer", "salah ketik")
    db.session.commit()
    assert opening.opening_entry() is None and balances.kas_balance() == 0
    assert record(manajer_client, kas="500.000").status_code == 302
    assert balances.kas_balance() == FLOAT and opening.opening_entry().source_ref == "SALDO-AWAL"
