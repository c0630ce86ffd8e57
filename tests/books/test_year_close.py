"""The year close (tutup buku tahunan): December locked, then the year's result goes into SHU (3401)."""
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger import opening, year_close
from posapp.ledger.balances import account_balance, kas_balance
from posapp.ledger.chart import HPP, PENJUALAN, SHU
from posapp.ledger.models import JournalEntry
from posapp.reports import day_close, statements
from posapp.till import cashbook, shifts
from tests.books.helpers import buy, sell

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
DEC = (date(2026, 12, 1), date(2026, 12, 31))


def amounts(statement) -> dict:
    return {row.label: row.amount for row in statement.rows if row.amount is not None}


@pytest.fixture
def december(users, empty_product, make_supplier, frozen_clock):
    """The year's last trading day: stock bought, a sale at a profit, an expense, the day closed; then
    2 January of the next year."""
    manajer, kasir = users["manajer"], users["kasir"]
    frozen_clock(datetime(2026, 12, 30, 8))
    opening.record_opening(date(2026, 12, 30), 1_000_000, 0, manajer)
    kopi = empty_product(name="Kopi", price=35_000)
    buy(manajer, [(kopi, 10, 26_000)], supplier=make_supplier(), payment="cash")
    shift = shifts.open_shift(kasir, 0)
    sell(kasir, [(kopi, 4)])
    cashbook.record(kasir, "expense", 20_000, category="listrik", note="token")
    db.session.commit()
    shifts.close_shift(shift, kasir, shifts.summary(shift)["cash_expected"])
    day_close.close_day(date(2026, 12, 30), kas_balance(date(2026, 12, 30)), manajer)
    db.session.commit()
    frozen_clock(datetime(2027, 1, 2, 9))
    return 4 * (35_000 - 26_000) - 20_000  # the year's SHU: 16.000


def test_the_year_closes_into_shu_after_december(manajer_client, december):
    early = manajer_client.post("/buku/tutup-tahun", data={"tahun": "2026"})
    assert early.status_code == 400 and "Tutup dulu bulan Desember 2026" in early.get_data(as_text=True)
    assert year_close.close_of(2026) is None

    assert manajer_client.post("/buku/tutup-bulan", data={"bulan": "2026-12"}).status_code == 302
    page = manajer_client.get("/buku/tutup-bulan").get_data(as_text=True)
    assert "Tutup buku tahun ini" in page
    done = manajer_client.post("/buku/tutup-tahun", data={"tahun": "2026", "catatan": "untuk RAT"},
                               follow_redirects=True)
    assert done.status_code == 200 and "SHU Rp 16.000" in done.get_data(as_text=True)

    entry = year_close.close_of(2026)
    assert (entry.business_date, entry.source_ref, year_close.result_of(entry)) == (date(2026, 12, 31), "TB-2026",
                                                                                     december)
    assert "untuk RAT" in entry.description
    assert account_balance(PENJUALAN) == 0 and account_balance(HPP) == 0
    assert year_close.moved(*YEAR) == {}  # every income, contra and expense account is back to zero
    assert account_balance(SHU) == -december  # a credit balance: SHU belum dibagi

    # laba rugi still shows the year's work; the neraca shows the result in 3401 and still balances
    assert amounts(statements.income_statement(*YEAR))["Sisa hasil usaha (SHU) sebelum pajak"] == december
    neraca = statements.balance_sheet(*DEC)
    got = amounts(neraca)
    assert neraca.checks["balanced"] and got["SHU tahun berjalan / SHU belum dibagi"] == december
    assert not [label for label in got if label.startswith("SHU tahun berjalan s.d.")]
    # the next year's neraca starts from a closed year: no "previous years not closed" row
    assert "SHU tahun-tahun lalu (belum ditutup)" not in amounts(statements.balance_sheet(date(2027, 1, 1),
                                                                                          date(2027, 1, 2)))

    again = manajer_client.post("/buku/tutup-tahun", data={"tahun": "2026"})
    assert again.status_code == 400 and "sudah ditutup" in again.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).where(JournalEntry.source == "year_close")) == 1
    assert "Ditutup" in manajer_client.get("/buku/tutup-bulan").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["", "20x6", "99999", "1900", "0000", "2100"])
def test_a_year_that_is_not_one_is_refused_with_a_message(manajer_client, december, typed):
    response = manajer_client.post("/buku/tutup-tahun", data={"tahun": typed})
    assert response.status_code == 400 and 'id="e-tahun"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).where(JournalEntry.source == "year_close")) == 0


def test_the_kasir_cannot_close_the_year(kasir_client, december):
    assert kasir_client.post("/buku/tutup-tahun", data={"tahun": "2026"}).status_code in (302, 403)
    assert year_close.close_of(2026) is None


def test_only_the_year_close_passes_the_lock_and_only_on_31_december(manajer_client, december):
    assert manajer_client.post("/buku/tutup-bulan", data={"bulan": "2026-12"}).status_code == 302
    insert = sa.text("INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref,"
                     " source_uuid, party, description, created_by) VALUES (:u, :u, :d, '2027-01-02 00:00:00',"
                     " :s, '', '', '', '', '')")
    for day, source in ((date(2026, 12, 31), "sale"), (date(2026, 12, 30), "year_close")):
        with pytest.raises(sa.exc.IntegrityError):  # below the service: the trigger
            db.session.execute(insert, {"u": f"{source}-{day}", "d": day, "s": source})
        db.session.rollback()


def test_the_shu_payout_waits_for_the_year_close(manajer_client, december):
    from posapp.shu import report
    assert manajer_client.post("/buku/tutup-bulan", data={"bulan": "2026-12"}).status_code == 302
    assert report.compute(2026)["provisional"] is True
    refused = manajer_client.post("/shu/2026/bagikan", data={"method": "cash"}, follow_redirects=True)
    assert "tutup buku tahunan" in refused.get_data(as_text=True)
    manajer_client.post("/buku/tutup-tahun", data={"tahun": "2026"})
    figures = report.compute(2026)
    assert (figures["provisional"], figures["shu"]) == (False, december)
