"""Sending a job: a TCP printer on 127.0.0.1, refused and hanging printers, file printers."""
import socket
import threading
import time

import pytest

from posapp.receipts import PrinterSettings, print_document, render_document, to_escpos_bytes

from .escpos_decoder import decode


class FakePrinter:
    """A TCP listener on a random port that keeps everything one connection sends."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.received = b""
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.server.accept()
        self.connections += 1
        with conn:
            while chunk := conn.recv(65536):
                self.received += chunk

    def close(self):
        self.thread.join(5)
        self.server.close()


def _network(port, timeout=5.0):
    return PrinterSettings(connection="network", host="127.0.0.1", port=port, timeout=timeout)


def test_a_network_printer_receives_the_whole_job(sale_data):
    printer = FakePrinter()
    document = render_document("sale", sale_data, 32)
    settings = _network(printer.port)
    result = print_document(document, settings)
    printer.close()
    assert result.ok and result.error is None
    assert printer.connections == 1
    assert printer.received == to_escpos_bytes(document, settings)
    assert decode(printer.received).texts == decode(to_escpos_bytes(document, settings)).texts


def test_a_refused_connection_is_a_visible_error_not_an_exception(sale_data):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]  # closed again: nobody listens there now
    started = time.monotonic()
    result = print_document(render_document("sale", sale_data, 32), _network(port))
    assert not result.ok and time.monotonic() - started < 3
    assert "menolak sambungan" in result.error and f"127.0.0.1:{port}" in result.error


def test_a_hanging_printer_times_out_quickly_and_can_be_retried(sale_data):
    server = socket.create_server(("127.0.0.1", 0), backlog=0)
    port = server.getsockname()[1]
    blocker = socket.create_connection(("127.0.0.1", port))  # fills the backlog: the next one hangs
    document = render_document("sale", sale_data, 32)
    started = time.monotonic()
    result = print_document(document, _network(port, timeout=1.0))
    elapsed = time.monotonic() - started
    blocker.close()
    server.close()
    assert not result.ok and elapsed < 3.5
    assert "tidak menjawab" in result.error
    printer = FakePrinter()  # the retry, once the printer is back
    retry = print_document(document, _network(printer.port))
    printer.close()
    assert retry.ok and printer.received


def test_no_printer_means_pdf_only_and_nothing_is_sent(sale_data):
    result = print_document(render_document("sale", sale_data, 32), PrinterSettings(connection="none"))
    assert result.ok and result.skipped


def test_a_file_printer_gets_the_bytes_in_one_job(tmp_path, sale_data):
    target = tmp_path / "lp0"
    document = render_document("sale", sale_data, 48)
    settings = PrinterSettings(connection="file", file_path=str(target), paper_mm=80, drawer_pulse=True)
    assert print_document(document, settings).ok
    assert target.read_bytes() == to_escpos_bytes(document, settings)
    missing = PrinterSettings(connection="file", file_path=str(tmp_path / "tidak-ada" / "lp0"))
    result = print_document(document, missing)
    assert not result.ok and "tidak ditemukan" in result.error


@pytest.mark.parametrize("connection, words", [("win32", "Windows"), ("usb", "USB"), ("serial", "serial")])
def test_connections_missing_on_this_computer_say_so(sale_data, connection, words):
    settings = PrinterSettings(connection=connection, usb_vendor="04b8", usb_product="0202",
                               serial_device="/dev/ttyUSB9", win32_name="POS-58")
    result = print_document(render_document("sale", sale_data, 32), settings)
    assert not result.ok and words.lower() in result.error.lower()
