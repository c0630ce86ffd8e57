"""A busy counter in a real browser (issue 16): no scan lost, one cart per tab, clear refusals."""
from datetime import datetime

from posapp import clock
from posapp.extensions import db
from tests.browser.conftest import login, open_shift, scan
from tests.conftest import PASSWORD


def cart_names(page):
    return page.eval_on_selector_all("#cart tbody tr td:first-child", "cells => cells.map(c => c.textContent)")


def wait_lines(page, n):
    page.wait_for_function(f"document.querySelectorAll('#cart tbody tr').length === {n}")


def pay_exact(page):
    page.keyboard.press("F8")
    page.click("#quick-cash .exact")
    page.press("#tendered", "Enter")
    page.wait_for_selector("#done-dialog[open]")


def test_the_next_customers_first_scan_after_the_done_dialog_is_not_lost(live_server, page, make_product):
    kopi, air = make_product(name="Kopi Dampit", price=35000).barcode, make_product(name="Air Santri", price=4000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    scan(page, kopi)
    wait_lines(page, 1)
    assert page.is_visible("#scan-flash") and "Kopi Dampit" in page.inner_text("#scan-flash")  # big "added"
    assert page.inner_text("#t-count").startswith("1 barang")
    pay_exact(page)
    # the scanner types the next customer's barcode straight away, with the dialog still open
    scan(page, air)
    wait_lines(page, 1)
    assert not page.evaluate("document.getElementById('done-dialog').open")
    assert cart_names(page) == ["Air Santri"]
    assert page.input_value("#barcode") == ""


def test_two_tabs_have_their_own_carts_and_both_pay(live_server, page, make_product):
    kopi, sabun = make_product(name="Kopi Dampit", price=35000).barcode, make_product(name="Sabun Sereh", price=12000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    second = page.context.new_page()
    second.goto(f"{live_server}/kasir")
    scan(page, kopi)
    wait_lines(page, 1)
    second.bring_to_front()
    second.click("#barcode")
    scan(second, sabun)
    wait_lines(second, 1)
    second.reload()  # a reload keeps the tab's own cart
    wait_lines(second, 1)
    assert cart_names(page) == ["Kopi Dampit"] and cart_names(second) == ["Sabun Sereh"]
    pay_exact(second)
    assert second.inner_text("#receipt-no").endswith("-0001")
    page.bring_to_front()
    pay_exact(page)
    assert page.inner_text("#receipt-no").endswith("-0002")
    assert "Rp 35.000" in page.inner_text("#done-total")


def test_a_negative_quantity_is_refused_with_a_message(live_server, page, make_product):
    kopi = make_product(name="Kopi Dampit", price=35000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    scan(page, kopi)
    wait_lines(page, 1)
    assert page.input_value("#cart tbody input[data-f=price]") == "Rp 35.000"  # formatted, not 35000
    page.fill("#cart tbody input[data-f=qty]", "-3")
    page.press("#cart tbody input[data-f=qty]", "Tab")
    page.wait_for_selector("#scan-msg.bad")
    assert "minus" in page.inner_text("#scan-msg")
    assert page.input_value("#cart tbody input[data-f=qty]") == "1"
    assert page.inner_text("#t-total") == "Rp 35.000"


def test_an_ended_session_asks_to_log_in_again_and_keeps_the_cart(live_server, page, app, make_product):
    app.config["WTF_CSRF_ENABLED"] = True  # as in production: the old page's token dies with the session
    kopi, air = make_product(name="Kopi Dampit", price=35000).barcode, make_product(name="Air Santri", price=4000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    scan(page, kopi)
    wait_lines(page, 1)
    page.context.clear_cookies()  # the session ends (browser restarted, cookie expired, server key changed)
    scan(page, air)
    page.wait_for_selector("#session-dialog[open]")
    assert "masuk lagi" in page.inner_text("#session-title").lower()
    assert "Tidak tersambung" not in page.inner_text("#scan-msg")
    page.fill("#session-password", PASSWORD)
    page.press("#session-password", "Enter")
    wait_lines(page, 2)  # the scan that met the ended session went through after the login
    assert not page.evaluate("document.getElementById('session-dialog').open")
    pay_exact(page)  # the pay POST carries the new session's token
    assert page.inner_text("#done-change") == "Rp 0"


def test_after_the_day_close_no_shift_opens_and_nothing_scans(live_server, page, users, make_product):
    from posapp.reports.day_close import close_day
    kopi = make_product(name="Kopi Dampit", price=35000).barcode
    close_day(clock.today(), 0, users["manajer"])
    db.session.commit()
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    page.goto(f"{live_server}/shift")
    assert "sudah ditutup" in page.inner_text("#day-closed") and "besok" in page.inner_text("#day-closed")
    assert page.query_selector("#open-shift") is None
    page.goto(f"{live_server}/kasir")
    assert page.is_visible("#day-closed") and page.query_selector("#barcode") is None
    answer = page.evaluate(f"fetch('/kasir/api/scan/{kopi}', {{headers: {{Accept: 'application/json'}}}})"
                           ".then(r => r.json().then(d => [r.status, d.error]))")
    assert answer[0] == 409 and "sudah ditutup" in answer[1]


def test_closing_the_shift_prints_the_z_and_retry_shows_only_after_a_failed_print(
        live_server, page, make_product, loopback_printer):
    kopi = make_product(name="Kopi Dampit", price=35000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    scan(page, kopi)
    wait_lines(page, 1)
    pay_exact(page)
    page.wait_for_function("document.getElementById('print-status').textContent !== ''")
    assert page.inner_text("#print-status") == "Struk dicetak."
    assert not page.is_visible("#btn-reprint")  # a good print: no "Coba cetak lagi"
    assert any("Kopi Dampit" in line for line in loopback_printer.texts(-1))

    from posapp.shop.service import save_settings
    save_settings({"printer_port": 9})  # nothing listens there: the print fails
    db.session.commit()
    page.keyboard.press("Enter")
    scan(page, kopi)
    wait_lines(page, 1)
    pay_exact(page)
    page.wait_for_function("document.getElementById('print-status').textContent !== ''")
    assert "belum tercetak" in page.inner_text("#print-status") and page.is_visible("#btn-reprint")

    save_settings({"printer_port": loopback_printer.port})
    db.session.commit()
    jobs = len(loopback_printer.jobs)
    page.goto(f"{live_server}/shift")
    page.fill("#f-counted_cash", "170.000")
    page.click("#close-shift button[type=submit]")
    page.wait_for_selector("#shift-report")
    assert "laporan Z dicetak" in page.inner_text(".flash")
    assert len(loopback_printer.jobs) == jobs + 1
    z = loopback_printer.texts(-1)
    assert any("LAPORAN Z" in line for line in z) and any("Kas dihitung" in line for line in z)


def test_the_sync_banner_waits_48_hours_after_enrolling_and_leaves_the_menu_alone(
        live_server, page, app, frozen_clock):
    from posapp.wire.outbox import enqueue
    from posapp.wire.state import state
    frozen_clock(datetime(2026, 11, 24, 9, 0))
    row = state()
    row.hub_url, row.key_id, row.secret, row.shop_code = "https://opop.example", "k1", "s" * 40, "KOP01"
    row.enrolled_at = clock.now()
    enqueue("sale", "5b0c7a4e-2f7d-4f7e-9a57-1d3c7c1f0a11", clock.today(), {"total": 1000})
    db.session.commit()
    db.session.remove()
    login(page, live_server, "manajer", PASSWORD)
    page.goto(f"{live_server}/")
    assert page.query_selector("#sync-banner") is None  # just enrolled, one sale waiting: no alarm
    header = page.eval_on_selector(".topbar", "el => el.getBoundingClientRect().height")
    assert header < 80

    frozen_clock(datetime(2026, 11, 26, 10, 0))  # 49 hours without an upload
    page.goto(f"{live_server}/")
    banner = page.wait_for_selector("#sync-banner")
    assert "48 jam" in banner.inner_text()
    assert page.eval_on_selector(".topbar", "el => el.getBoundingClientRect().height") < 80
    colour = page.eval_on_selector("#sync-banner", "el => getComputedStyle(el).color")
    assert colour != "rgb(255, 255, 255)"  # readable: not white on pale pink
    top = page.eval_on_selector("#sync-banner", "el => el.getBoundingClientRect().top")
    assert top >= header - 1  # below the bar, not inside it


def test_customer_display_follows_the_cart_and_shows_the_qris_amount(live_server, page, make_product):
    from posapp.shop.service import save_settings
    from tests.sales.test_qris import STATIC
    save_settings({"qris_payload": STATIC})
    db.session.commit()
    kopi = make_product(name="Kopi Dampit", price=35050).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    display = page.context.new_page()
    display.goto(f"{live_server}/layar-pelanggan")
    assert display.inner_text("#layar-shop") == "Kopontren Al-Hikmah"  # idle: the shop's name
    page.bring_to_front()
    page.click("#barcode")
    scan(page, kopi)
    wait_lines(page, 1)
    display.wait_for_function("document.getElementById('layar-total').textContent === 'Rp 35.050'")
    assert "Kopi Dampit" in display.inner_text("#layar-lines")

    page.keyboard.press("F8")
    assert page.inner_text("#pay-due") == "Rp 35.000"  # rounded down to Rp 100
    assert "Rp 50" in page.inner_text("#pay-rounding")
    quick = page.eval_on_selector_all("#quick-cash button", "bs => bs.map(b => b.textContent)")
    assert quick[0] == "Uang pas Rp 35.000" and "Rp 50.000" in quick and "Rp 100.000" in quick
    page.click("#pay-by-qris")
    assert page.eval_on_selector(".noncash-row select", "s => s.value") == "qris"  # the shop's QRIS first
    page.wait_for_selector("#pay-qris img[src='/kasir/qris.svg?jumlah=35050']")
    display.wait_for_selector("#layar-qris img[src='/kasir/qris.svg?jumlah=35050']", state="visible")
    svg = page.evaluate("fetch('/kasir/qris.svg?jumlah=35050').then(r => r.text())")
    assert svg.startswith("<svg")
    page.fill(".noncash-row .ref", "QR-778899")
    page.press(".noncash-row .ref", "Enter")
    page.wait_for_selector("#done-dialog[open]")
    display.wait_for_function("!document.getElementById('layar-thanks').hidden")


def test_idle_till_locks_behind_the_pin_and_keeps_the_cart(live_server, page, make_product):
    from posapp.shop.service import save_settings
    save_settings({"idle_lock_minutes": 1})
    db.session.commit()
    kopi = make_product(name="Kopi Dampit", price=35000).barcode
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server)
    scan(page, kopi)
    wait_lines(page, 1)
    page.evaluate("Till.lock()")  # what a minute without keys does (the timer calls the same)
    page.wait_for_selector("#session-dialog[open]")
    assert "terkunci" in page.inner_text("#session-title").lower()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('session-dialog').open")  # Esc does not get past it
    page.fill("#session-pin", "000000")
    page.press("#session-pin", "Enter")
    page.wait_for_function("document.getElementById('session-error').textContent.includes('salah')")
    page.reload()  # nor does a reload: the server keeps the lock
    page.wait_for_selector("#lock-page")
    page.fill("#secret", PASSWORD)  # a cashier without a PIN uses the password
    page.press("#secret", "Enter")
    page.wait_for_url(f"{live_server}/kasir")
    wait_lines(page, 1)
    assert cart_names(page) == ["Kopi Dampit"]  # the cart waited
