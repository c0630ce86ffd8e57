"""A member at the cashier screen in a real browser: scan the card, member prices, pay on kasbon."""
from posapp.extensions import db
from tests.browser.conftest import login, open_shift, type_over_a_late_answer
from tests.conftest import PASSWORD


def test_scan_a_member_card_then_pay_with_kasbon_and_cash(live_server, page, make_product, make_member):
    product = make_product(name="Kopi Dampit", price=35000, member_price=33000)
    member = make_member("Siti Aminah", credit_limit=50_000)
    code, card = product.barcode, member.number
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "0")
    barcode = page.locator("#barcode")
    for text in (code, card):  # the product first: the member's price applies once the card is scanned
        barcode.type(text)
        barcode.press("Enter")
        page.wait_for_function("el => el.value === ''", arg=barcode.element_handle())
    page.wait_for_function("document.getElementById('t-total').textContent === 'Rp 33.000'")
    assert "Siti Aminah" in page.inner_text("#member-attached") and "Rp 50.000" in page.inner_text("#member-attached")
    page.keyboard.press("F8")
    page.click("#add-noncash")
    page.select_option(".noncash-row select", "kasbon")
    page.fill(".noncash-row .amt", "30000")
    page.fill("#tendered", "5000")
    page.press("#tendered", "Enter")
    page.wait_for_selector("#done-dialog[open]")
    assert page.inner_text("#done-change") == "Rp 2.000"
    page.keyboard.press("Enter")
    assert "Pelanggan umum" in page.inner_text("#member-attached")  # the next sale starts without a member


def test_member_search_attaches_the_member_the_text_names_even_when_an_older_answer_comes_last(
        live_server, page, make_member):
    make_member("Ahmad Fauzi")
    make_member("Ahmad Zainuri")
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    open_shift(page, live_server, "0")

    page.keyboard.press("F3")  # the answer to "ahmad" (both members) comes after the one to "ahmad z"
    type_over_a_late_answer(page, "#member-search", "/kasir/api/anggota", "ahmad", "ahmad z", "#member-results li")
    assert len(page.query_selector_all("#member-results li")) == 1
    page.press("#member-search", "Enter")
    page.wait_for_function("document.getElementById('member-attached').textContent.includes('Ahmad')")
    assert "Ahmad Zainuri" in page.inner_text("#member-attached")
