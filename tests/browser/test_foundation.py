from posapp.catalog.models import Product
from posapp.extensions import db
from tests.browser.conftest import login
from tests.conftest import PASSWORD


def test_manajer_adds_a_product_then_kasir_sees_the_cashier_home(live_server, page):
    login(page, live_server, "manajer", PASSWORD)
    page.goto(f"{live_server}/produk/baru")
    page.fill("#f-name", "Madu Hutan Randu 250 ml")
    page.fill("#f-sku", "MADU-250")
    page.fill("#f-barcode", "8991234567895")
    page.fill("#f-category", "Madu")
    page.fill("#f-price", "65.000")
    page.fill("#f-cost", "48.000")
    page.press("#f-cost", "Enter")  # the keyboard submits the form
    assert "Digit cek barcode" in page.locator("#e-barcode").inner_text()  # 5 is not the check digit
    page.fill("#f-barcode", "8991234567891")
    page.press("#f-barcode", "Enter")
    page.wait_for_url(lambda url: "/produk/baru" not in url)
    assert "Madu Hutan Randu 250 ml" in page.content()
    db.session.expire_all()
    product = db.session.scalar(db.select(Product).where(Product.sku == "MADU-250"))
    assert product.price == 65000 and product.barcode == "8991234567891"

    page.locator("form[action$='/keluar'] button").click()
    login(page, live_server, "kasir", PASSWORD)
    assert page.locator("#cashier-home").is_visible()
    assert "Produk" not in page.locator("nav").inner_text()  # manager menu hidden from the kasir
    assert page.goto(f"{live_server}/produk/baru").status == 403


def test_login_asks_for_nothing_the_server_lacks(app, live_server, page):
    """No request of the login round trip is answered 404: the 404 page of the browser's own /favicon.ico
    request carried the anonymous session back after the login and could log the kasir out."""
    answered, serve = [], app.wsgi_app

    def recording(environ, start_response):
        def start(status, headers, *rest):
            answered.append((environ["PATH_INFO"], int(status.split()[0])))
            return start_response(status, headers, *rest)
        return serve(environ, start)
    app.wsgi_app = recording
    login(page, live_server, "kasir", PASSWORD)
    page.goto(f"{live_server}/shift")
    page.wait_for_selector("#f-opening_cash")
    page.wait_for_timeout(500)  # the browser asks for its icon after the page has loaded
    assert any(path.endswith("favicon.svg") and status == 200 for path, status in answered)
    assert [path for path, status in answered if status == 404] == []
