from posapp.audit.models import AuditEntry
from posapp.catalog.models import Product
from posapp.extensions import db

MANAGER_PAGES = ["/produk", "/produk/baru", "/produk/{id}", "/produk/impor", "/produk/impor/template.csv",
                 "/produk/{id}/terima", "/produk/{id}/sesuaikan", "/produk/{id}/kartu-stok",
                 "/produk/stok-menipis", "/stok/opname", "/stok/opname?mulai=1"]
MANAGER_POSTS = ["/produk/baru", "/produk/{id}", "/produk/{id}/status", "/produk/impor",
                 "/produk/{id}/sesuaikan", "/stok/opname", "/stok/persediaan-awal", "/pembelian/baru"]
FORM = {"name": "Kopi Robusta Dampit 200 g", "sku": "kpi-001", "barcode": "8992761111113",
        "category": "Kopi", "unit": "bks", "price": "35.000", "cost": "26.000", "member_price": "33.000",
        "min_stock": "5", "halal_cert": "ID3511", "pesantren": "PP Sunan Drajat", "opop_curated": "ya"}


def count(model):
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_kasir_gets_403_on_every_catalog_manager_page(kasir_client, make_product):
    product = make_product()
    for url in MANAGER_PAGES:
        assert kasir_client.get(url.format(id=product.id)).status_code == 403, url
    for url in MANAGER_POSTS:
        assert kasir_client.post(url.format(id=product.id), data={"active": "0"}).status_code == 403, url
    assert db.session.get(Product, product.id).active


def test_kasir_still_scans_barcodes(kasir_client, make_product):
    product = make_product(barcode="8992761111113")
    assert kasir_client.get("/api/produk/barcode/8992761111113").get_json()["id"] == product.id


def test_manager_creates_a_product_with_rupiah_typed_with_dots(manajer_client):
    response = manajer_client.post("/produk/baru", data=FORM)
    assert response.status_code == 302
    product = db.session.scalar(db.select(Product))
    assert (product.sku, product.price, product.cost, product.member_price) == ("KPI-001", 35000, 26000, 33000)
    assert product.opop_curated and product.active and product.on_hand == 0
    page = manajer_client.get("/produk?q=robusta").get_data(as_text=True)
    assert "Kopi Robusta Dampit 200 g" in page and "Rp 35.000" in page


def test_duplicate_barcode_shows_the_message_and_saves_nothing(manajer_client, make_product):
    make_product(name="Teh", barcode="8992761111113")
    response = manajer_client.post("/produk/baru", data=FORM)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'id="e-barcode"' in html and "Barcode sudah dipakai produk «Teh»" in html
    assert count(Product) == 1


def test_duplicate_sku_and_invalid_input_save_nothing(manajer_client, make_product):
    make_product(sku="KPI-001")
    html = manajer_client.post("/produk/baru", data={**FORM, "barcode": ""}).get_data(as_text=True)
    assert "SKU sudah dipakai" in html
    html = manajer_client.post("/produk/baru", data={**FORM, "sku": "X1", "member_price": "36.000"}) \
        .get_data(as_text=True)
    assert "Harga anggota tidak boleh di atas harga jual." in html
    assert count(Product) == 1


def test_edit_changes_price_and_writes_it_to_the_audit_log(manajer_client, make_product):
    product = make_product(price=10000, cost=7000)
    form = manajer_client.get(f"/produk/{product.id}").get_data(as_text=True)
    assert 'value="10.000"' in form
    response = manajer_client.post(f"/produk/{product.id}", data={**FORM, "sku": product.sku,
                                                                   "barcode": product.barcode, "price": "12.500",
                                                                   "member_price": ""})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, product.id).price == 12500
    entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "product.price"))
    assert "Rp 10.000 → Rp 12.500" in entry.detail and entry.username == "manajer"


def test_edit_with_an_error_changes_nothing(manajer_client, make_product):
    product = make_product(price=10000)
    response = manajer_client.post(f"/produk/{product.id}", data={**FORM, "sku": product.sku, "price": "-1"})
    assert response.status_code == 400 and "tidak boleh negatif" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Product, product.id).price == 10000
    assert db.session.scalars(db.select(AuditEntry).where(AuditEntry.action.like("product.%"))).all() == []


def test_deactivate_and_reactivate(manajer_client, kasir_client, make_product):
    product = make_product(barcode="8992761111113")
    assert manajer_client.post(f"/produk/{product.id}/status", data={"active": "0"}).status_code == 302
    db.session.expire_all()
    assert not db.session.get(Product, product.id).active
    assert kasir_client.get("/api/produk/barcode/8992761111113").status_code == 404
    assert ">Produk 1</a>" not in manajer_client.get("/produk").get_data(as_text=True)
    assert ">Produk 1</a>" in manajer_client.get("/produk?status=nonaktif").get_data(as_text=True)
    manajer_client.post(f"/produk/{product.id}/status", data={"active": "1"})
    db.session.expire_all()
    assert db.session.get(Product, product.id).active and count(Product) == 1


def test_list_filters_and_pagination(app, manajer_client, make_product):
    app.config["PRODUCTS_PER_PAGE"] = 2
    make_product(name="Kopi A", category="Kopi", opop_curated=True, stock=1, min_stock=5)
    make_product(name="Kopi B", category="Kopi", stock=20, min_stock=5)
    make_product(name="Madu", category="Madu", sku="MDU-9", barcode="8992761111113")

    def names(query):
        html = manajer_client.get("/produk" + query).get_data(as_text=True)
        return [n for n in ("Kopi A", "Kopi B", "Madu") if f">{n}</a>" in html]
    assert names("") == ["Kopi A", "Kopi B"] and names("?page=2") == ["Madu"]
    assert names("?kategori=Kopi") == ["Kopi A", "Kopi B"]
    assert names("?opop=1") == ["Kopi A"] and names("?menipis=1") == ["Kopi A"]
    assert names("?q=mdu-9") == ["Madu"] and names("?q=8992761111113") == ["Madu"]
    assert names("?q=%25") == []
    assert "menipis</span>" in manajer_client.get("/produk?opop=1").get_data(as_text=True)


def test_list_runs_a_fixed_number_of_queries(app, manajer_client, make_product):
    from sqlalchemy import event
    for _ in range(30):
        make_product()
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert manajer_client.get("/produk").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len([s for s in statements if "FROM product" in s or "stock_level" in s]) <= 4


def test_the_product_list_search_finds_the_phrase_as_typed_active_or_not(manajer_client, make_product):
    make_product(name="Kopi Robusta Dampit 200 g", sku="KPI-001")
    make_product(name="Dampit Robusta", sku="KPI-002")           # the same words, not the phrase
    gone = make_product(name="Kopi Robusta Lama", sku="KPI-003")
    manajer_client.post(f"/produk/{gone.id}/status", data={"active": "0"}, follow_redirects=True)  # still found
    def found(query, status=""):
        page = manajer_client.get(f"/produk?q={query}&status={status}").get_data(as_text=True)
        return {name for name in ("Kopi Robusta Dampit", "Dampit Robusta", "Kopi Robusta Lama") if name in page}
    assert found("robusta dampit") == {"Kopi Robusta Dampit"}   # the phrase, as before the index
    assert found("ROBUSTA") == {"Kopi Robusta Dampit", "Dampit Robusta"}
    assert found("kpi-002") == {"Dampit Robusta"}                 # part of a SKU
    assert found("lama", "nonaktif") == {"Kopi Robusta Lama"}
