"""The cashier's day in a real browser: scan, pay cash, refund with a PIN, close with a Z report."""
import time
import uuid

from posapp.extensions import db
from posapp.sales.models import Sale
from tests.browser.conftest import hold_answers, login, open_shift, type_over_a_late_answer
from tests.conftest import PASSWORD, PINS


def test_scan_pay_refund_and_close_the_shift(live_server, page, make_product):
    products = [make_product(name="Kopi Dampit", price=35000), make_product(name="Air Santri", price=4000),
                make_product(name="Sabun Sereh", price=12000)]
    codes = [p.barcode for p in products]
    db.session.remove()  # the server thread uses its own sessions
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "100.000")

    barcode = page.locator("#barcode")
    # the first product's answer comes last, as on a busy till: the cart must keep the scan order
    held = hold_answers(page, f"**/kasir/api/scan/{codes[0]}")
    with page.expect_response(lambda answer: answer.url.endswith(codes[2])):
        for code in codes + [codes[1]]:  # the second scan of Air Santri makes it 2
            barcode.type(code)
            barcode.press("Enter")
            page.wait_for_function("el => el.value === ''", arg=barcode.element_handle())
    held[0].continue_()
    page.wait_for_function("document.querySelectorAll('#cart tbody tr').length === 3")
    page.wait_for_function("document.getElementById('t-total').textContent === 'Rp 55.000'")
    names = page.eval_on_selector_all("#cart tbody tr td:first-child", "cells => cells.map(c => c.textContent)")
    assert [name.split("⚠")[0].strip() for name in names] == ["Kopi Dampit", "Air Santri", "Sabun Sereh"]  # scan order
    assert page.evaluate("document.activeElement.id") == "barcode"

    barcode.type("8990000000000")
    barcode.press("Enter")
    page.wait_for_selector("#scan-msg.bad")
    assert "tidak dikenal" in page.inner_text("#scan-msg")

    page.keyboard.press("F8")
    page.fill("#tendered", "100000")
    assert page.inner_text("#change") == "Rp 45.000"
    page.press("#tendered", "Enter")
    page.wait_for_selector("#done-dialog[open]")
    receipt_no = page.inner_text("#receipt-no")
    assert receipt_no == "KOP01-" + receipt_no.split("-")[1] + "-0001"
    assert page.inner_text("#done-change") == "Rp 45.000"
    page.keyboard.press("Enter")
    page.wait_for_function("!document.getElementById('done-dialog').open")
    made = uuid.UUID(db.session.scalar(db.select(Sale.uuid).where(Sale.receipt_no == receipt_no)))
    assert made.version == 7 and abs((made.int >> 80) / 1000 - time.time()) < 120  # the browser's UUIDv7, made now
    db.session.remove()

    page.goto(f"{live_server}/retur")
    page.fill("#receipt-no-input", receipt_no)
    page.press("#receipt-no-input", "Enter")
    page.locator("#refund-form input[name^='qty-']").first.fill("1")
    page.select_option("#approver", "manajer")
    page.fill("#pin", PINS["manajer"])
    page.click("#do-refund")
    page.wait_for_selector("#receipt-number")
    assert "-0002" in page.inner_text("#receipt-number")
    assert page.inner_text("#receipt-total") == "Rp 35.000"

    page.goto(f"{live_server}/shift")
    page.fill("#f-counted_cash", "120.000")  # 100.000 + 55.000 − 35.000
    page.click("#close-shift button[type=submit]")
    page.wait_for_selector("#shift-report")
    assert "Laporan Z" in page.inner_text("h1")
    assert page.inner_text("#r-sales") == "Rp 55.000"
    assert page.inner_text("#r-refunds") == "-Rp 35.000"
    assert page.inner_text("#r-net") == "Rp 20.000"
    assert page.inner_text("#r-expected") == "Rp 120.000"
    assert page.inner_text("#r-difference") == "Rp 0"


def test_search_shows_the_newest_query_even_when_an_older_answer_comes_last(live_server, page, make_product):
    make_product(name="Kopi Dampit", price=35000)
    make_product(name="Kopi Luwak Santri", price=90000)
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "100.000")

    page.keyboard.press("F2")
    type_over_a_late_answer(page, "#search-input", "/kasir/api/cari", "kopi", "kopi luwak", "#search-results li")
    assert page.eval_on_selector_all("#search-results li", "items => items.map(i => i.textContent.split(' · ')[0])") \
        == ["Kopi Luwak Santri"]
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#cart tbody tr').length === 1")
    assert page.inner_text("#cart tbody tr td:first-child").startswith("Kopi Luwak Santri")


def test_pay_right_after_a_scan_asks_for_the_total_with_the_scanned_product(live_server, page, make_product):
    first, last = make_product(name="Kopi Dampit", price=35000), make_product(name="Air Santri", price=4000)
    codes = [first.barcode, last.barcode]
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "100.000")
    barcode = page.locator("#barcode")
    barcode.type(codes[0])
    barcode.press("Enter")
    page.wait_for_function("document.getElementById('t-total').textContent === 'Rp 35.000'")

    held = hold_answers(page, f"**/kasir/api/scan/{codes[1]}")  # still on its way when the cashier presses F8
    with page.expect_request(lambda asked: asked.url.endswith(codes[1])):
        barcode.type(codes[1])
        barcode.press("Enter")
    page.keyboard.press("F8")
    held[0].continue_()
    page.wait_for_selector("#pay-dialog[open]")
    assert page.inner_text("#pay-total") == "Rp 39.000"


def test_hold_keeps_a_scan_still_on_its_way_and_resume_brings_the_cart_back(live_server, page, make_product):
    first, late = (make_product(name=name, price=price).barcode for name, price in (("Kopi Dampit", 35000),
                                                                                       ("Air Santri", 4000)))
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "100.000")
    barcode = page.locator("#barcode")
    barcode.type(first)
    barcode.press("Enter")
    page.wait_for_function("document.getElementById('t-total').textContent === 'Rp 35.000'")
    held = hold_answers(page, f"**/kasir/api/scan/{late}")
    with page.expect_request(lambda asked: asked.url.endswith(late)):
        barcode.type(late)
        barcode.press("Enter")
    page.keyboard.press("F4")  # the customer steps aside before the last answer came
    held[0].continue_()
    page.wait_for_function("document.querySelectorAll('#cart tbody tr').length === 0")
    assert "ditahan (1)" in page.inner_text("#scan-msg")

    page.keyboard.press("F4")
    page.wait_for_selector("#hold-dialog[open]")
    assert "Kopi Dampit +1" in page.inner_text("#held-list")
    page.keyboard.press("1")
    page.wait_for_function("document.getElementById('t-total').textContent === 'Rp 39.000'")


def test_a_price_changed_by_the_manager_reaches_the_till_within_a_minute(live_server, page, make_product):
    from posapp.catalog.models import Product
    product = make_product(name="Kopi Dampit", price=35000)
    code, product_id = product.barcode, product.id
    db.session.remove()
    page.clock.install()  # the page's clock runs on, and can be moved ahead
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "100.000")
    barcode = page.locator("#barcode")

    def scan_and_see(total):
        barcode.type(code)
        barcode.press("Enter")
        page.wait_for_function(f"document.getElementById('t-total').textContent === '{total}'")

    scan_and_see("Rp 35.000")
    db.session.get(Product, product_id).price = 40000  # the manager's new price
    db.session.commit()
    scan_and_see("Rp 70.000")  # the same product again at once is not asked for again
    page.clock.fast_forward(61_000)
    scan_and_see("Rp 120.000")  # a minute on: the new price, for the whole line
