"""Printing after the sale: a failure never loses the sale and offers a retry; a reprint is a copy."""
from posapp.extensions import db
from posapp.sales.models import PrintLog, Sale
from posapp.shop.service import save_settings


def _printer(path):
    save_settings({"printer_connection": "file", "printer_file_path": str(path)})
    db.session.commit()


def test_receipt_prints_with_its_number(sell, make_product, tmp_path):
    _printer(tmp_path / "printer.bin")
    data = sell([(make_product(name="Kopi Dampit"), 1)], cash=10000).get_json()
    assert data["print"]["ok"] is True and data["print"]["copy"] is False
    printed = (tmp_path / "printer.bin").read_bytes()
    assert b"Kopi Dampit" in printed and data["receipt_no"].encode() in printed


def test_failed_print_keeps_the_sale_and_retry_prints_the_original(kasir_client, sell, make_product, tmp_path):
    _printer(tmp_path / "missing-dir" / "printer.bin")
    data = sell([(make_product(), 1)], cash=10000).get_json()
    assert data["print"]["ok"] is False and data["print"]["error"]
    assert db.session.scalar(db.select(Sale.receipt_no)) == data["receipt_no"]
    _printer(tmp_path / "printer.bin")
    retry = kasir_client.post(f"/kasir/api/cetak/{data['receipt_no']}", json={}).get_json()
    assert retry["print"]["ok"] is True and retry["print"]["copy"] is False
    again = kasir_client.post(f"/kasir/api/cetak/{data['receipt_no']}", json={})
    assert again.status_code == 403  # a second copy needs the manager's PIN
    copy = kasir_client.post(f"/kasir/api/cetak/{data['receipt_no']}", json={"approver": "manajer", "pin": "222222"})
    assert copy.get_json()["print"]["copy"] is True
    assert b"SALINAN" in (tmp_path / "printer.bin").read_bytes()
    assert db.session.scalar(db.select(db.func.count()).select_from(PrintLog)) == 3
