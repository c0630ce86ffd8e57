"""The shop's edge: arguments, path values and form values no table can hold are refused with a message
before any query sees them (posapp/inputs.py); pages past any integer column are just the last page."""
import pytest

from posapp.catalog.models import Product
from posapp.extensions import db

LONG_SEARCH = "gula" * 12_501  # 50,004 characters: past SQLite's LIKE pattern limit (50,000 bytes)


def test_a_cashier_search_over_50000_characters_is_refused_in_json(kasir_client):
    response = kasir_client.get("/kasir/api/cari", query_string={"q": LONG_SEARCH})
    assert response.status_code == 400
    assert response.get_json()["ok"] is False and "2.000 karakter" in response.get_json()["error"]


def test_a_product_search_over_50000_characters_is_refused_with_a_page(manajer_client):
    response = manajer_client.get("/produk", query_string={"q": LONG_SEARCH})
    assert response.status_code == 400
    assert "2.000 karakter" in response.get_data(as_text=True)


def test_a_search_just_under_the_limit_still_searches(manajer_client, make_product):
    make_product(name="Gula pasir 1 kg")
    response = manajer_client.get("/produk", query_string={"q": "gula " + "x" * 1990})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["9223372036854775808", "9" * 40, "-1", "1e9", ""])
def test_a_page_past_any_integer_is_a_page_not_a_500(manajer_client, make_product, page):
    make_product(name="Beras")
    response = manajer_client.get("/produk", query_string={"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["9" * 41, "9" * 1999, "²"])
def test_a_number_no_one_types_is_refused_with_a_message(manajer_client, page):
    response = manajer_client.get("/produk", query_string={"page": page})
    assert response.status_code == 400 and "angka tidak sah" in response.get_data(as_text=True)


def test_the_last_possible_page_is_empty_and_the_first_shows_products(manajer_client, make_product):
    make_product(name="Beras Bengawan")
    assert "Beras Bengawan" not in manajer_client.get("/produk?page=9223372036854775808").get_data(as_text=True)
    assert "Beras Bengawan" in manajer_client.get("/produk?page=1").get_data(as_text=True)


@pytest.mark.parametrize("url", ["/audit/?page=9223372036854775808", "/produk/stok-menipis?page=99999999999999999999999"])
def test_other_paged_lists_take_huge_pages(admin_client, url):
    assert admin_client.get(url).status_code == 200


def test_a_nul_in_a_search_is_refused_before_the_database(kasir_client, manajer_client):
    assert kasir_client.get("/kasir/api/cari?q=gu%00la").status_code == 400
    assert manajer_client.get("/produk?q=gu%00la").status_code == 400
    response = kasir_client.get("/kasir/api/scan/899%00123")
    assert response.status_code == 400 and response.get_json()["ok"] is False


def test_a_nul_in_a_product_form_saves_nothing(manajer_client):
    response = manajer_client.post("/produk/baru", data={"name": "Kopi\x00 Kapal Api", "sku": "KOPI-1",
                                                          "price": "2.000", "unit": "pcs", "category": "Minuman"})
    assert response.status_code == 400
    assert "tidak bisa disimpan" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Product)) == 0


def test_a_lone_surrogate_in_a_form_never_reaches_the_database(manajer_client):
    body = "name=Kopi%ED%A0%80&sku=KOPI-2&price=2000".encode()  # UTF-8 of U+D800, which no database stores
    response = manajer_client.post("/produk/baru", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (302, 400)
    names = db.session.scalars(db.select(Product.name)).all()
    assert all(not any(0xD800 <= ord(c) <= 0xDFFF for c in name) for name in names)


def test_good_input_passes_the_guard(manajer_client):
    response = manajer_client.post("/produk/baru", data={"name": "Kopi Kapal Api 165 g — ™ ½", "sku": "KOPI-3",
                                                          "price": "2.000", "unit": "pcs", "category": "Minuman"})
    assert response.status_code == 302


def test_a_nul_past_the_first_64_kb_of_a_csv_import_is_refused():
    from posapp.catalog.csv_import import ImportRefused, decode
    content = b"sku,nama,harga\n" + b"S-1,Kopi,4000\n" * 6000 + b"S-2,Gula\x00,5000\n"
    assert len(content) > 65536
    with pytest.raises(ImportRefused, match="bukan teks"):
        decode("produk.csv", content, 2 * 1024 * 1024)


@pytest.mark.parametrize("url", ["/produk/{n}/edit", "/anggota/{n}", "/dompet/{n}", "/shift/{n}/laporan"])
def test_an_id_in_the_address_past_any_row_is_not_found_not_a_500(manajer_client, url):
    for n in (2 ** 31, 2 ** 63):  # INTEGER keys end at 2^31-1; PostgreSQL refuses a larger one with an error
        assert manajer_client.get(url.format(n=n)).status_code == 404, url
