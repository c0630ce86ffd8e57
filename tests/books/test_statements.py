"""Laba rugi, neraca, arus kas from the journal (screen, XLSX, PDF) and the month close."""
import io
import uuid
from datetime import date, datetime

import openpyxl
import pypdf
import pytest
import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger import acts, accounts, month_close, opening
from posapp.ledger.models import MonthClose
from posapp.ledger.posting import LedgerRefused
from posapp.reports import day_close, statements
from posapp.till import cashbook, shifts
from tests.books.helpers import buy, consign, sell

NOV = (date(2026, 11, 1), date(2026, 11, 30))


def amounts(statement) -> dict:
    return {row.label: row.amount for row in statement.rows if row.amount is not None}


@pytest.fixture
def november(users, empty_product, make_supplier, frozen_clock):
    """A small month: opening cash, stock bought on credit, own and consigned sales, a refund, expenses,
    Samsat with setoran, a bank deposit; every day closed."""
    manajer, kasir = users["manajer"], users["kasir"]
    frozen_clock(datetime(2026, 11, 2, 8))
    opening.record_opening(date(2026, 11, 2), 1_000_000, 0, manajer)
    kopi, madu = empty_product(name="Kopi", price=35_000), empty_product(name="Madu", price=20_000)
    buy(manajer, [(kopi, 20, 26_000)], supplier=make_supplier(), payment="credit", due_date=date(2026, 12, 2))
    consign(manajer, make_supplier("PP Sidogiri", "pesantren"), [(madu, 10, 0, "15")])
    shift = shifts.open_shift(kasir, 0)
    sale = sell(kasir, [(kopi, 3), (madu, 2)])
    from posapp.auth.approval import Approval
    from posapp.sales import refunds
    refunds.refund(kasir, str(uuid.uuid4()), sale.receipt_no, {sale.lines[0].id: 1}, approval=Approval("manajer", "222222"))
    cashbook.record(kasir, "expense", 45_000, category="listrik", note="token")
    acts.post_samsat_payment(uuid=str(uuid.uuid4()), business_date=date(2026, 11, 2), tax=1_250_000, fee=5_000,
                             doc_no="SAM-1")
    db.session.commit()
    shifts.close_shift(shift, kasir, shifts.summary(shift)["cash_expected"])
    cashbook.record(manajer, "deposit", 500_000, note="setor BSI")
    acts.post_setoran(uuid=str(uuid.uuid4()), business_date=date(2026, 11, 2), amount=1_250_000, doc_no="SET-1")
    db.session.commit()
    from posapp.ledger.balances import kas_balance
    day_close.close_day(date(2026, 11, 2), kas_balance(date(2026, 11, 2)), manajer)
    db.session.commit()
    frozen_clock(datetime(2026, 12, 1, 9))
    return kopi, madu


def test_laba_rugi_in_koperasi_words(november):
    st = statements.income_statement(*NOV)
    got = amounts(st)
    assert got["Penjualan"] == 105_000 and got["Retur penjualan"] == -35_000
    assert got["Beban pokok penjualan (HPP)"] == -52_000 and got["Laba kotor"] == 18_000
    assert got["Pendapatan komisi konsinyasi"] == 6_000 and got["Pendapatan jasa loket Samsat"] == 5_000
    assert got["Beban listrik, air dan telepon"] == -45_000
    assert got["Sisa hasil usaha (SHU) sebelum pajak"] == 18_000 + 6_000 + 5_000 - 45_000


def test_neraca_balances_with_the_years_result_in_equity(november):
    st = statements.balance_sheet(*NOV)
    got = amounts(st)
    assert st.checks["balanced"] and got["Jumlah aset"] == got["Jumlah liabilitas dan ekuitas"]
    assert got["Persediaan barang dagang"] == 18 * 26_000 and got["Utang usaha"] == 520_000
    assert got["Utang konsinyasi"] == 34_000 and got["SHU tahun berjalan s.d. 30-11-2026"] == -16_000
    assert got["Bank / QRIS / transfer"] == 500_000


def test_arus_kas_direct_method_ends_at_kas_and_bank(november):
    st = statements.cash_flow(*NOV)
    got = amounts(st)
    assert st.checks["balanced"] and got["Kas dan bank akhir periode"] == st.checks["closing"]
    assert got["Penerimaan dari penjualan"] == 145_000 and got["Pengembalian uang retur penjualan"] == -35_000
    assert got["Pembayaran beban operasional"] == -45_000 and got["Modal / saldo awal"] == 1_000_000
    assert "Setor ke bank" not in got  # Kas to Bank is no flow in or out


def test_screen_xlsx_and_pdf_show_the_same_numbers(manajer_client, november):
    accounts.rename_account("6201", "=HYPERLINK(\"http://x\")")
    db.session.commit()
    page = manajer_client.get("/buku/laporan-keuangan?bulan=2026-11")
    assert page.status_code == 200 and "Rp 105.000" in page.get_data(as_text=True)
    xlsx = manajer_client.get("/buku/laporan-keuangan.xlsx?bulan=2026-11")
    wb = openpyxl.load_workbook(io.BytesIO(xlsx.data))
    assert [ws.title for ws in wb.worksheets] == ["Laporan Laba Rugi", "Laporan Posisi Keuangan", "Laporan Arus Kas"]
    cells = {row[0].value: row[2] for row in wb.worksheets[0].iter_rows(min_row=6) if row[0].value}
    assert cells["Penjualan"].value == 105_000 and cells["Penjualan"].number_format == "#,##0"
    danger = next(row[0] for row in wb.worksheets[0].iter_rows(min_row=6) if str(row[0].value).startswith("=HYP"))
    assert danger.data_type == "s" and danger.quotePrefix
    pdf = manajer_client.get("/buku/laporan-keuangan.pdf?dari=2026-11-01&sampai=2026-11-30")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Laporan Posisi Keuangan (Neraca)" in text and "Halaman 1 dari 3" in text and "105.000" in text
    bad = manajer_client.get("/buku/laporan-keuangan?bulan=2026-13")
    assert bad.status_code == 400 and "TTTT-BB" in bad.get_data(as_text=True)


def test_month_close_locks_the_month(manajer_client, users, november, frozen_clock):
    with pytest.raises(LedgerRefused, match="belum berakhir"):
        month_close.close_month(date(2026, 12, 1), users["manajer"])
    response = manajer_client.post("/buku/tutup-bulan", data={"bulan": "2026-11"})
    assert response.status_code == 302
    close = db.session.scalar(sa.select(MonthClose))
    assert (close.period_end, close.result) == (date(2026, 11, 30), -16_000)
    with pytest.raises(LedgerRefused, match="Bulan 11-2026 sudah ditutup"):
        acts.post_setoran(uuid=str(uuid.uuid4()), business_date=date(2026, 11, 30), amount=1_000, doc_no="X")
    db.session.rollback()
    with pytest.raises(sa.exc.IntegrityError):  # below the service: the trigger
        db.session.execute(sa.text(
            "INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref, source_uuid,"
            " party, description, created_by) VALUES ('x', 'x', :d, '2026-12-01 00:00:00', 's', '', '', '', '', '')"),
            {"d": date(2026, 11, 30)})
    db.session.rollback()
    page = manajer_client.get("/buku/tutup-bulan").get_data(as_text=True)
    assert "Ditutup" in page and "FINAL" in manajer_client.get("/buku/laporan-keuangan?bulan=2026-11").get_data(as_text=True)


def test_month_close_waits_for_the_last_day_close(users, frozen_clock, shop):
    frozen_clock(datetime(2026, 11, 20, 9))
    acts.post_setoran(uuid=str(uuid.uuid4()), business_date=date(2026, 11, 20), amount=1_000, doc_no="S")
    db.session.commit()
    frozen_clock(datetime(2026, 12, 2, 9))
    with pytest.raises(LedgerRefused, match="Tutup hari 20-11-2026 dulu"):
        month_close.close_month(date(2026, 11, 1), users["manajer"])
