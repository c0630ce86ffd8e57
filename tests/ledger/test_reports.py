"""Range reports: sales by day, anggota vs non-anggota, Samsat, trial balance; bad ranges refused."""
from datetime import timedelta

from posapp.extensions import db
from posapp.ledger import balances
from posapp.reports import ranges as reports

from .conftest import DAY


def test_range_reports(manajer_client, post):
    post("sale", cash=100_000, cost=60_000, member=True, doc_no="A", business_date=DAY - timedelta(days=1))
    post("sale", cash=0, noncash=40_000, cost=20_000, doc_no="B")
    post("refund", cash=10_000, cost=6_000, member=True, doc_no="C")
    post("samsat", tax=1_250_000, fee=5_000, doc_no="S1")
    post("setoran", amount=1_000_000, doc_no="D1")
    db.session.commit()
    start, end = DAY - timedelta(days=1), DAY
    days = reports.sales_by_day(start, end)
    assert [(d["sales"], d["returns"], d["net"], d["samsat_fee"]) for d in days] == [
        (100_000, 0, 100_000, 0), (40_000, 10_000, 30_000, 5_000)]
    assert reports.members(start, end) == {"anggota": 90_000, "umum": 40_000}
    samsat = reports.samsat(start, end)
    assert (samsat["collected"], samsat["deposited"], samsat["balance"]) == (1_250_000, 1_000_000, 250_000)
    trial = balances.trial_balance(start, end)
    assert sum(r["balance"] for r in trial) == 0 and sum(r["debit"] for r in trial) == sum(r["credit"] for r in trial)
    page = manajer_client.get("/buku/laporan?dari=2026-11-23&sampai=2026-11-24").get_data(as_text=True)
    assert "Rp 250.000" in page and "Neraca saldo" in page and "Rp 90.000" in page


def test_bad_ranges_refused(manajer_client, ledger):
    too_long = manajer_client.get("/buku/laporan?dari=2025-11-01&sampai=2026-11-24")
    assert too_long.status_code == 400 and "satu tahun" in too_long.get_data(as_text=True)
    future = manajer_client.get("/buku/laporan?dari=2026-11-01&sampai=2026-11-25")
    assert future.status_code == 400 and "belum terjadi" in future.get_data(as_text=True)
    assert manajer_client.get("/buku/jurnal.csv?dari=2024-01-01&sampai=2026-11-24").status_code == 400
    assert manajer_client.get("/buku/laporan?dari=2026-11-24&sampai=2026-11-01").status_code == 400


def test_manager_renames_account(manajer_client, kasir_client, ledger):
    assert manajer_client.post("/buku/akun", data={"code": "1101", "name": "Kas toko"}).status_code == 302
    assert "Kas toko" in manajer_client.get("/buku/akun").get_data(as_text=True)
    assert manajer_client.post("/buku/akun", data={"code": "1101", "name": ""}).status_code == 400
    assert kasir_client.get("/buku/kas").status_code == 403
