"""Every export of the buku kas harian read back and equal to the ledger to the rupiah."""
import csv
import io
from datetime import datetime, timedelta

import openpyxl
import pypdf

from posapp.extensions import db
from posapp.ledger import balances

from .conftest import DAY, at


def seed(post, ledger):
    ledger(at(8))
    post("sale", cash=103_000, cost=88_000, doc_no="KOP01-20261124-0001", member=True)
    ledger(at(9))
    post("sale", cash=0, noncash=50_000, cost=30_000, doc_no="KOP01-20261124-0002")
    ledger(at(10))
    post("refund", cash=20_000, cost=14_000, doc_no="KOP01-20261124-0003")
    ledger(at(11))
    post("samsat", tax=1_250_000, fee=5_000, doc_no="SAM-20261124-0001", plate="=cmd|' /C calc'!A0")
    ledger(at(12))
    post("setoran", amount=1_000_000, doc_no="SET-1")
    ledger(at(13))
    db.session.commit()
    # in: 103.000 + 1.255.000; out: 20.000 + 1.000.000 → closing 338.000


def test_xlsx_numbers_dates_frozen_header(manajer_client, post, ledger):
    seed(post, ledger)
    response = manajer_client.get("/buku/kas/2026-11-24.xlsx")
    assert response.status_code == 200 and "sementara" in response.headers["Content-Disposition"]
    ws = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0] == "Waktu")
    assert ws.freeze_panes == f"A{header + 2}"
    assert ws.cell(row=4, column=2).value == datetime(2026, 11, 24, 0, 0)  # a real date cell
    body = rows[header + 1:]
    assert body[0][7] == 0  # opening balance
    movements = [r for r in body if isinstance(r[0], datetime)]
    assert [(r[5], r[6]) for r in movements] == [(103_000, None), (None, 20_000), (1_255_000, None),
                                                 (None, 1_000_000)]
    assert ws.cell(row=header + 3, column=6).number_format == "#,##0"
    closing = next(r for r in body if r[3] == "Saldo akhir")
    assert closing[7] == 338_000 == balances.kas_balance(DAY)
    assert any(r[0] == "SEMENTARA (hari belum ditutup)" or r[1] == "SEMENTARA (hari belum ditutup)" for r in rows)
    summary = {r[0]: r[5] for r in rows if r[0] and isinstance(r[5], int)}
    assert summary["Penjualan non-tunai (bank / QRIS)"] == 50_000
    assert summary["Titipan pajak Samsat diterima (semua cara bayar)"] == 1_250_000
    kas = {r[0]: (r[5], r[6]) for r in rows if r[0] and (isinstance(r[5], int) or isinstance(r[6], int))}
    assert kas["Penjualan tunai"] == (103_000, 0) and kas["Retur / void penjualan"] == (0, 20_000)
    assert kas["Loket Samsat: titipan pajak & jasa loket"] == (1_255_000, 0)
    assert kas["Setoran pajak Samsat"] == (0, 1_000_000)
    assert summary["Penjualan bersih anggota"] == 103_000 and summary["Penjualan bersih non-anggota"] == 30_000


def test_csv_for_excel_indonesia(manajer_client, post, ledger):
    seed(post, ledger)
    data = manajer_client.get("/buku/kas/2026-11-24.csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    header = next(i for i, r in enumerate(rows) if r and r[0] == "Waktu")
    movements = [r for r in rows[header + 1:] if r and r[0][:2].isdigit()]
    assert [(r[5], r[6], r[7]) for r in movements] == [
        ("103000", "", "103000"), ("", "20000", "83000"), ("1255000", "", "1338000"), ("", "1000000", "338000")]
    assert movements[0][0] == "24/11/2026 08:00"
    samsat = movements[2]
    assert samsat[3].startswith("Pembayaran Samsat SAM-20261124-0001 =cmd")  # not at the cell start: left as is
    assert ["Saldo akhir", "338000"] == [rows[header + 1 + len(movements) + 2][3],
                                         rows[header + 1 + len(movements) + 2][7]]


def test_csv_cell_starting_with_equals_stays_text(manajer_client, post, ledger):
    post("sale", cash=5_000, doc_no="=HYPERLINK(\"http://x\")")
    db.session.commit()
    rows = list(csv.reader(io.StringIO(manajer_client.get("/buku/kas/2026-11-24.csv").data.decode("utf-8-sig")),
                           delimiter=";"))
    docs = [r[1] for r in rows if len(r) > 1 and r[1].lstrip("'").startswith("=")]
    assert docs == ["'=HYPERLINK(\"http://x\")"]
    journal = manajer_client.get("/buku/jurnal.csv?dari=2026-11-24&sampai=2026-11-24").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in journal and ";=HYPERLINK" not in journal


def test_pdf_pages_and_totals(manajer_client, post, ledger):
    for n in range(80):  # enough movements for several pages
        post("sale", cash=1_000 + n, doc_no=f"KOP01-20261124-{n + 1:04d}")
    db.session.commit()
    reader = pypdf.PdfReader(io.BytesIO(manajer_client.get("/buku/kas/2026-11-24.pdf").data))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 2
    total = sum(1_000 + n for n in range(80))
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {len(pages)}" in text
        assert "Buku Kas Harian" in text and "SEMENTARA" in text and "24-11-2026" in text
    full = "\n".join(pages)
    assert f"{total:,}".replace(",", ".") in full and "Saldo akhir" in full and "Manajer" in full


def test_raw_journal_csv_balances(manajer_client, post, ledger):
    seed(post, ledger)
    rows = list(csv.reader(io.StringIO(
        manajer_client.get("/buku/jurnal.csv?dari=2026-11-24&sampai=2026-11-24").data.decode("utf-8-sig")),
        delimiter=";"))[1:]
    assert sum(int(r[9]) for r in rows) == sum(int(r[10]) for r in rows) == 103_000 + 88_000 + 50_000 + 30_000 \
        + 20_000 + 14_000 + 1_255_000 + 1_000_000
    assert {r[1] for r in rows} == {f"JU-20261124-{n:04d}" for n in range(1, 6)}


def test_closed_day_export_is_final(manajer_client, post, ledger):
    seed(post, ledger)
    manajer_client.post("/buku/tutup-hari", data={"tanggal": "2026-11-24", "uang_dihitung": "338.000"})
    response = manajer_client.get("/buku/kas/2026-11-24.csv")
    text = response.data.decode("utf-8-sig")
    assert "sementara" not in response.headers["Content-Disposition"]
    assert "Status;FINAL" in text and "Ditutup oleh;Manajer" in text and "(Kasir);;;(Manajer)" in text  # full names, not usernames and "Uang dihitung;;;;;338000" in text


def test_future_day_refused(manajer_client, ledger):
    future = (DAY + timedelta(days=1)).isoformat()
    assert manajer_client.get(f"/buku/kas/{future}.xlsx").status_code == 400
    page = manajer_client.get(f"/buku/kas?tanggal={future}")
    assert page.status_code == 400 and "belum terjadi" in page.get_data(as_text=True)
    assert manajer_client.get("/buku/kas/2026-13-01.pdf").status_code == 400


def test_daily_page_shows_running_balance(manajer_client, post, ledger):
    seed(post, ledger)
    page = manajer_client.get("/buku/kas?tanggal=2026-11-24").get_data(as_text=True)
    assert "Rp 1.338.000" in page and "Rp 338.000" in page and "SEMENTARA" in page
