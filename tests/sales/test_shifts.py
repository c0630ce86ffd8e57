"""Shifts: open, X report, close with count and note, Z report totals."""
import json

from posapp.extensions import db
from posapp.till.models import Shift


def test_close_shift_with_difference_needs_a_note(kasir_client, sell, make_product, kasir_shift):
    p = make_product(price=43000)
    sell([(p, 1)], cash=50000)
    page = kasir_client.get("/shift").get_data(as_text=True)
    assert "Rp 243.000" in page  # 200.000 opening + 43.000 cash
    refused = kasir_client.post("/shift/tutup", data={"counted_cash": "240.000"})
    assert refused.status_code == 400 and "catatan" in refused.get_data(as_text=True)
    assert db.session.get(Shift, kasir_shift.id).closed_at is None
    closed = kasir_client.post("/shift/tutup", data={"counted_cash": "240.000", "note": "kurang receh"})
    assert closed.status_code == 302
    shift = db.session.get(Shift, kasir_shift.id)
    assert (shift.expected_cash, shift.counted_cash, shift.difference) == (243000, 240000, -3000)
    report = kasir_client.get(f"/shift/{shift.id}/laporan").get_data(as_text=True)
    assert "Laporan Z" in report and "-Rp 3.000" in report


def test_close_by_denomination(kasir_client, kasir_shift):
    response = kasir_client.post("/shift/tutup", data={"d100000": "2", "d0": "", "note": ""})
    assert response.status_code == 302
    shift = db.session.get(Shift, kasir_shift.id)
    assert shift.counted_cash == 200000 and shift.difference == 0
    assert json.loads(shift.denominations) == {"100000": 2}


def test_report_separates_refunds_and_payment_methods(kasir_client, sell, make_product, kasir_shift):
    from posapp.till import shifts
    p = make_product(price=10000)
    sell([(p, 2)], cash=20000)
    sell([(p, 1)], payments=[{"method": "qris", "amount": 10000, "reference": "Q1"}])
    no = sell([(p, 1)], cash=10000).get_json()["receipt_no"]
    kasir_client.post("/retur", data={"no": no, "uuid": "5f0c1c9e-4a52-4e5b-9b7c-2f4d0f6d8a11", "action": "void",
                                      "approver": "manajer", "pin": "222222"})
    report = shifts.summary(db.session.get(Shift, kasir_shift.id))
    assert report["sales"] == {"count": 3, "total": 40000}
    assert report["voids"] == {"count": 1, "total": 10000}
    assert report["payments"] == {"cash": 20000, "qris": 10000}
    assert report["net"] == 30000 and report["cash_expected"] == 220000


def test_one_open_shift_per_kasir_and_bad_opening_cash(kasir_client, kasir_shift):
    again = kasir_client.post("/shift/buka", data={"opening_cash": "100"})
    assert again.status_code == 400 and "masih terbuka" in again.get_data(as_text=True)
    kasir_client.post("/shift/tutup", data={"counted_cash": "200000"})
    bad = kasir_client.post("/shift/buka", data={"opening_cash": "dua ratus"})
    assert bad.status_code == 400 and "Kas awal" in bad.get_data(as_text=True)


def test_closed_shift_refuses_sales(kasir_client, sell, make_product, kasir_shift):
    kasir_client.post("/shift/tutup", data={"counted_cash": "200000"})
    response = sell([(make_product(), 1)], cash=10000)
    assert response.status_code == 400 and response.get_json()["error"] == "Buka shift dulu."


def test_reports_as_pdf_and_receipt_pdf(kasir_client, sell, make_product, kasir_shift):
    no = sell([(make_product(), 1)], cash=10000).get_json()["receipt_no"]
    pdf = kasir_client.get(f"/shift/{kasir_shift.id}/laporan.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    receipt = kasir_client.get(f"/riwayat/{no}.pdf")
    assert receipt.status_code == 200 and receipt.data.startswith(b"%PDF")
    assert no in kasir_client.get("/riwayat").get_data(as_text=True)
    assert kasir_client.get(f"/riwayat/{no}").status_code == 200
