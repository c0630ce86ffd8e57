import io

from posapp.audit.models import AuditEntry
from posapp.catalog.models import Product, StockLevel, StockMove
from posapp.database import new_uuid
from posapp.extensions import db
from posapp.shop.service import save_settings
from tests.books.helpers import buy


def moves_of(product):
    return db.session.scalars(db.select(StockMove).where(StockMove.product_id == product.id)
                              .order_by(StockMove.id)).all()


def level(product):
    db.session.expire_all()
    return db.session.get(StockLevel, product.id).on_hand


def assert_level_is_sum_of_moves():
    sums = dict(db.session.execute(db.select(StockMove.product_id, db.func.sum(StockMove.qty))
                                   .group_by(StockMove.product_id)).all())
    levels = dict(db.session.execute(db.select(StockLevel.product_id, StockLevel.on_hand)).all())
    assert sums == levels


def test_receive_goods_opens_a_purchase_with_the_product_as_its_first_line(manajer_client, make_product):
    product = make_product(stock=10, cost=7000)
    response = manajer_client.get(f"/produk/{product.id}/terima")
    assert response.status_code == 302 and f"produk={product.id}" in response.location
    created = manajer_client.post("/pembelian/baru", data={"produk": product.id, "jenis": "purchase"})
    draft = manajer_client.get(created.location).get_data(as_text=True)
    assert product.name in draft and 'name="qty_' in draft
    assert level(product) == 10 and len(moves_of(product)) == 1  # a draft moves nothing


def test_adjust_once_with_reason_and_audit(manajer_client, make_product):
    product = make_product(stock=10)
    data = {"doc_uuid": new_uuid(), "qty": "-3", "reason": "rusak", "note": "kemasan sobek"}
    assert manajer_client.post(f"/produk/{product.id}/sesuaikan", data=data).status_code == 302
    manajer_client.post(f"/produk/{product.id}/sesuaikan", data=data)
    assert level(product) == 7 and moves_of(product)[-1].reason == "rusak"
    entries = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "stock.adjust")).all()
    assert len(entries) == 1 and "-3" in entries[0].detail
    assert_level_is_sum_of_moves()


def test_adjust_needs_a_reason_and_may_not_go_below_zero(manajer_client, make_product):
    product = make_product(stock=2)
    save_settings({"allow_negative_stock": False})
    db.session.commit()
    html = manajer_client.post(f"/produk/{product.id}/sesuaikan",
                               data={"doc_uuid": new_uuid(), "qty": "-1"}).get_data(as_text=True)
    assert "Pilih alasan" in html
    html = manajer_client.post(f"/produk/{product.id}/sesuaikan",
                               data={"doc_uuid": new_uuid(), "qty": "-3", "reason": "hilang"}).get_data(as_text=True)
    assert "tidak boleh di bawah 0" in html
    assert level(product) == 2
    save_settings({"allow_negative_stock": True})
    db.session.commit()
    manajer_client.post(f"/produk/{product.id}/sesuaikan", data={"doc_uuid": new_uuid(), "qty": "-3",
                                                                  "reason": "hilang"})
    assert level(product) == -1


def test_stock_card_shows_moves_newest_first_with_running_balance(manajer_client, users, make_product):
    product = make_product(stock=10)
    buy(users["manajer"], [(product, 5, 7_000)])
    manajer_client.post(f"/produk/{product.id}/sesuaikan", data={"doc_uuid": new_uuid(), "qty": "-2",
                                                                  "reason": "rusak"})
    html = manajer_client.get(f"/produk/{product.id}/kartu-stok").get_data(as_text=True)
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert [r.count('class="num"') for r in rows] == [3, 3, 3]
    balances = [r.split('<td class="num">')[2].split("<")[0] for r in rows]
    assert balances == ["13", "15", "10"]
    assert "Rusak" in rows[0] and "manajer" in rows[0]


def test_stock_card_balance_is_right_on_later_pages(app, make_product):
    from posapp.catalog import inventory
    from posapp.catalog.stock import record_move
    product = make_product(stock=1)
    for _ in range(4):
        record_move(product, 2, "receive")
    db.session.commit()
    page, rows = inventory.stock_card(product, page=2, per_page=2)
    assert [(m.qty, b) for m, b in rows] == [(2, 5), (2, 3)]


def test_opname_posts_differences_once_counted_against_the_sheet(manajer_client, make_product):
    from posapp.catalog.stock import record_move
    kopi = make_product(name="Kopi", category="Kopi", stock=10)
    teh = make_product(name="Teh", category="Kopi", stock=5)
    madu = make_product(name="Madu", category="Madu", stock=3)
    sheet = manajer_client.get("/stok/opname?mulai=1&kategori=Kopi").get_data(as_text=True)
    assert f'name="count_{kopi.id}"' in sheet and f'name="count_{madu.id}"' not in sheet
    doc = sheet.split('name="doc_uuid" value="')[1].split('"')[0]
    record_move(kopi, -1, "sale")  # a sale while people count: not counted twice
    db.session.commit()
    data = {"doc_uuid": doc, "kategori": "Kopi", f"sys_{kopi.id}": "10", f"sys_{teh.id}": "5",
            f"count_{kopi.id}": "8", f"count_{teh.id}": "5"}
    review = manajer_client.post("/stok/opname", data={**data, "action": "review"})
    assert review.status_code == 200 and "-2" in review.get_data(as_text=True)
    assert level(kopi) == 9
    assert manajer_client.post("/stok/opname", data={**data, "action": "post"}).status_code == 302
    again = manajer_client.post("/stok/opname", data={**data, "action": "post"}, follow_redirects=True)
    assert "sudah tersimpan" in again.get_data(as_text=True)
    assert level(kopi) == 7 and level(teh) == 5 and level(madu) == 3
    assert [m.kind for m in moves_of(kopi)] == ["receive", "sale", "opname"]
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "stock.opname")) == 1
    assert_level_is_sum_of_moves()


def test_opname_with_a_bad_count_shows_it_and_posts_nothing(manajer_client, make_product):
    kopi = make_product(stock=10)
    data = {"doc_uuid": new_uuid(), f"sys_{kopi.id}": "10", f"count_{kopi.id}": "delapan", "action": "post"}
    response = manajer_client.post("/stok/opname", data=data)
    assert response.status_code == 400 and "bilangan bulat" in response.get_data(as_text=True)
    assert level(kopi) == 10


def test_low_stock_lists_active_products_at_or_below_minimum(manajer_client, make_product):
    make_product(name="Habis", stock=0, min_stock=1)
    make_product(name="Pas", stock=5, min_stock=5)
    make_product(name="Cukup", stock=6, min_stock=5)
    make_product(name="Mati", stock=0, min_stock=5, active=False)
    html = manajer_client.get("/produk/stok-menipis").get_data(as_text=True)
    assert ">Habis<" in html and ">Pas<" in html and ">Cukup<" not in html and ">Mati<" not in html


def upload(client, text, filename="produk.csv", doc=None):
    content = text.encode("utf-8") if isinstance(text, str) else text
    return client.post("/produk/impor", data={"doc_uuid": doc or new_uuid(),
                                              "berkas": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def test_import_creates_updates_and_records_opening_stock(manajer_client, make_product):
    old = make_product(sku="KPI-1", price=10000)
    text = ("\ufeffnama;sku;barcode;harga;hpp;stok_awal\n"
            "Kopi baru nama;KPI-1;;12.000;8.000;\n"
            "Teh;TEH-1;8992761111113;5.000;3.500;24\n")
    response = upload(manajer_client, text)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Product, old.id).price == 12000
    teh = db.session.scalar(db.select(Product).where(Product.sku == "TEH-1"))
    assert teh.on_hand == 24 and moves_of(teh)[0].kind == "receive"
    actions = set(db.session.scalars(db.select(AuditEntry.action)))
    assert {"product.import", "product.price"} <= actions
    assert_level_is_sum_of_moves()


def test_import_with_one_bad_row_saves_nothing(manajer_client, make_product):
    make_product(sku="KPI-1", price=10000)
    text = ("nama,sku,harga,stok_awal\n"
            "Kopi,KPI-1,12.000,\n"
            "Teh,TEH-1,5.000,24\n"
            "Gula,GLA-1,-5,3\n")
    response = upload(manajer_client, text)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Tidak ada yang disimpan" in html
    assert '<td class="num">4</td><td>harga</td>' in html
    db.session.expire_all()
    assert db.session.scalar(db.select(Product.price).where(Product.sku == "KPI-1")) == 10000
    assert db.session.scalar(db.select(db.func.count()).select_from(Product)) == 1
    assert len(db.session.scalars(db.select(StockMove)).all()) == 1


def test_import_refuses_wrong_files_with_a_message(manajer_client):
    assert "bukan CSV" in upload(manajer_client, b"PK\x03\x04\x00", "produk.xlsx").get_data(as_text=True)
    assert "kosong" in upload(manajer_client, b"").get_data(as_text=True)
    assert "Kolom wajib tidak ada: harga" in upload(manajer_client, "nama,sku\nA,B\n").get_data(as_text=True)
    assert "Pilih berkas" in manajer_client.post("/produk/impor", data={}).get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Product)) == 0


def test_import_refuses_an_oversized_file(app, manajer_client):
    app.config["CSV_IMPORT_MAX_BYTES"] = 100
    response = upload(manajer_client, "nama,sku,harga\n" + "Kopi,K1,1000\n" * 20)
    assert response.status_code == 400 and "terlalu besar" in response.get_data(as_text=True)


def test_import_twice_with_the_same_form_is_refused(manajer_client):
    doc = new_uuid()
    text = "nama,sku,harga,stok_awal\nTeh,TEH-1,5.000,24\n"
    assert upload(manajer_client, text, doc=doc).status_code == 302
    assert "sudah tersimpan" in upload(manajer_client, text, doc=doc).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(db.select(StockLevel.on_hand)) == 24


def test_template_download(manajer_client):
    response = manajer_client.get("/produk/impor/template.csv")
    assert response.mimetype == "text/csv" and "nama;sku;barcode" in response.get_data(as_text=True)
