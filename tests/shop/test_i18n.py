def test_indonesian_first_english_on_request(kasir_client):
    indonesian = kasir_client.get("/").get_data(as_text=True)
    assert "Beranda" in indonesian and 'lang="id"' in indonesian
    english = kasir_client.get("/?lang=en").get_data(as_text=True)
    assert "Home" in english and "Beranda" not in english and 'lang="en"' in english
    assert "Home" in kasir_client.get("/").get_data(as_text=True)  # the choice sticks for the session
    assert "Beranda" in kasir_client.get("/?lang=id").get_data(as_text=True)


def test_money_is_shown_as_rupiah_with_dots(manajer_client, make_product):
    make_product(name="Sarung Tenun Goyor", price=185000)
    assert "Rp 185.000" in manajer_client.get("/produk").get_data(as_text=True)
