def test_product_list_pages_keep_the_filters(manajer_client, make_product, app):
    app.config["PRODUCTS_PER_PAGE"] = 2
    for n in range(5):
        make_product(name=f"Kopi {n}", category="Kopi")
    make_product(name="Sabun", category="Sabun")
    first = manajer_client.get("/produk?kategori=Kopi").get_data(as_text=True)
    assert "1 / 3" in first
    assert 'href="/produk?kategori=Kopi&amp;page=2"' in first
    last = manajer_client.get("/produk?kategori=Kopi&page=3").get_data(as_text=True)
    assert "3 / 3" in last and "<td>Sabun" not in last and 'rel="prev"' in last and 'rel="next"' not in last


def test_stock_card_pages_keep_the_product(manajer_client, make_product, app):
    from posapp.catalog.stock import record_move
    from posapp.extensions import db
    product = make_product()
    for _ in range(100):  # a stock card page holds 100 moves
        record_move(product, 1, "receive")
    db.session.commit()
    page = manajer_client.get(f"/produk/{product.id}/kartu-stok").get_data(as_text=True)
    assert f"/produk/{product.id}/kartu-stok?page=2" in page
