"""The printer settings page: admin only, validation next to the field, "Tes cetak"."""
from pathlib import Path

import pytest

from posapp.receipts import printer_settings

from .escpos_decoder import decode

URL = "/pengaturan/printer"


def _form(**changes):
    form = {"printer_connection": "network", "printer_host": "192.168.1.50", "printer_port": "9100",
            "paper_mm": "80", "printer_autocut": "on", "action": "save"}
    form.update(changes)
    return form


@pytest.mark.parametrize("client_name", ["kasir_client", "manajer_client"])
def test_only_admin_may_open_printer_settings(request, client_name):
    client = request.getfixturevalue(client_name)
    assert client.get(URL).status_code == 403
    assert client.post(URL, data=_form()).status_code == 403
    assert printer_settings().connection == "none"


def test_admin_saves_the_printer(admin_client):
    page = admin_client.get(URL)
    assert page.status_code == 200 and "Tes cetak" in page.get_data(as_text=True)
    response = admin_client.post(URL, data=_form(printer_drawer_pulse="on"))
    assert response.status_code == 302
    saved = printer_settings()
    assert (saved.connection, saved.host, saved.port, saved.paper_mm) == ("network", "192.168.1.50", 9100, 80)
    assert saved.autocut and saved.drawer_pulse and not saved.pdf_archive and saved.columns == 48


@pytest.mark.parametrize("port", ["70000", "abc", "0"])
def test_a_bad_port_is_refused_with_a_message(admin_client, port):
    response = admin_client.post(URL, data=_form(printer_port=port))
    assert response.status_code == 400
    assert "Port harus angka 1–65535" in response.get_data(as_text=True)
    assert printer_settings().connection == "none"


def test_required_fields_follow_the_connection(admin_client):
    response = admin_client.post(URL, data=_form(printer_connection="usb", printer_usb_vendor="xyz"))
    assert response.status_code == 400
    assert "ID USB berupa 4 digit heksadesimal" in response.get_data(as_text=True)


def test_tes_cetak_to_a_file_printer_writes_the_test_page(admin_client, app):
    target = Path(app.instance_path) / "printer.bin"  # a print file may live in the instance folder only
    response = admin_client.post(URL, data=_form(printer_connection="file", printer_file_path=str(target),
                                                 paper_mm="58", action="test"), follow_redirects=True)
    assert response.status_code == 200 and "Tes cetak terkirim" in response.get_data(as_text=True)
    decoded = decode(target.read_bytes())
    assert "TES CETAK" in decoded.texts[0] and decoded.cuts == 1
    assert "12345678901234567890123456789012" in decoded.texts
    assert printer_settings().connection == "none"  # a test print does not save


def test_a_failed_tes_cetak_shows_the_error_and_a_retry(admin_client, app):
    response = admin_client.post(URL, data=_form(printer_connection="file", action="test",
                                                 printer_file_path=str(Path(app.instance_path) / "no" / "lp0.bin")))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Tes cetak gagal" in html and "tidak ditemukan" in html and "Coba lagi" in html


def test_sample_pdf_for_pdf_only_shops(admin_client):
    response = admin_client.get("/pengaturan/printer/contoh.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
