"""Printer settings: only the chosen connection's fields, and a test print that says what went wrong."""
import socket

from posapp.extensions import db
from tests.browser.conftest import login
from tests.conftest import PASSWORD


def visible(page, selector):
    return page.is_visible(selector)


def test_only_the_chosen_connections_fields_and_a_plain_test_print_error(live_server, page, users):
    db.session.remove()
    login(page, live_server, "admin", PASSWORD)
    page.goto(f"{live_server}/pengaturan/printer")
    assert not visible(page, "#f-printer_host") and not visible(page, "#f-printer_usb_vendor")
    page.select_option("#f-printer_connection", "network")
    assert visible(page, "#f-printer_host") and visible(page, "#f-printer_port")
    assert not visible(page, "#f-printer_usb_vendor") and not visible(page, "#f-printer_win32_name")
    page.select_option("#f-printer_connection", "usb")
    assert visible(page, "#f-printer_usb_vendor") and not visible(page, "#f-printer_host")

    # bound but never listening: connections are refused, and no other test's server can take the port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        page.select_option("#f-printer_connection", "network")
        page.fill("#f-printer_host", "127.0.0.1")
        page.fill("#f-printer_port", str(port))
        page.click("#test-print")
        error = page.inner_text("#print-error")
    assert "menolak sambungan" in error and f"127.0.0.1:{port}" in error
    assert visible(page, "#f-printer_host") and not visible(page, "#f-printer_usb_vendor")  # still the chosen one
