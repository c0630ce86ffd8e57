from tests.browser.conftest import login
from tests.conftest import PASSWORD


def test_kasir_logs_in_with_the_keyboard_and_sees_the_cashier_home(live_server, page):
    login(page, live_server, "kasir", PASSWORD)
    assert page.locator("#cashier-home").is_visible()
    assert "Produk" not in page.locator("nav").inner_text()  # manager menu hidden from the kasir
