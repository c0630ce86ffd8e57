"""The cashier's name search through the trigram index: ranked, kept up to date, bounded input."""
from posapp.catalog import search
from posapp.catalog.models import Product
from posapp.extensions import db


def names(term):
    return [p.name for p in search.search_products(term)]


def test_finds_words_anywhere_in_the_name_ranked_and_case_blind(app, make_product):
    make_product(name="Kopi Dampit Robusta 200g")
    make_product(name="Gula Aren Kopi Campur")
    make_product(name="Sabun Sereh Santri")
    found = names("KOPI")
    assert sorted(found) == ["Gula Aren Kopi Campur", "Kopi Dampit Robusta 200g"]
    assert names("dampit kopi") == ["Kopi Dampit Robusta 200g"]  # every word, any order
    assert names("sereh") == ["Sabun Sereh Santri"]
    assert names("teh") == []


def test_index_follows_new_renamed_deleted_and_inactive_products(app, make_product):
    product = make_product(name="Madu Hutan")
    assert names("madu") == ["Madu Hutan"]
    product.name = "Madu Klanceng"
    db.session.commit()
    assert names("klanceng") == ["Madu Klanceng"] and names("hutan") == []
    product.active = False
    db.session.commit()
    assert names("madu") == []


def test_exact_sku_comes_first_and_two_letters_still_search(app, make_product):
    make_product(name="Air Santri", sku="AIR-01")
    make_product(name="Air Mineral Gelas")
    assert names("air-01")[0] == "Air Santri"
    assert set(names("ai")) == {"Air Santri", "Air Mineral Gelas"}


def test_quotes_and_operators_are_just_letters(app, make_product):
    make_product(name='Kaos "OPOP" Hijau')
    assert names('"opop"') == ['Kaos "OPOP" Hijau']
    assert names("opop OR NOT AND *") == []  # no match, and no FTS syntax error


def test_screen_search_caps_the_query_and_never_errors(kasir_client, make_product):
    make_product(name="Kopi Dampit")
    response = kasir_client.get("/kasir/api/cari?q=" + "kopi" + "x" * 50_000)
    # the shop's edge refuses an argument no one types, with a message (posapp/inputs.py): never a 500
    assert response.status_code == 400 and response.get_json()["ok"] is False
    hit = kasir_client.get("/kasir/api/cari?q=dampit").get_json()["products"]
    assert [p["name"] for p in hit] == ["Kopi Dampit"]
    assert kasir_client.get("/kasir/api/scan/" + "9" * 5000).status_code == 400
    assert db.session.scalar(db.select(db.func.count(Product.id))) == 1
