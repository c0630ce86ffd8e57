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
