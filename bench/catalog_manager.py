"""The manager's product list and CSV import on a 50,000-product shop (test client, logged-in manajer)."""
import io
import sqlite3
import time

from posapp.catalog.barcodes import make_ean13

from bench.common import logged_in_client, make_app, percentile, seed_products

PRODUCTS = 50_000
REPEATS = 30
IMPORT_ROWS = 5_000
PAGES = {"product_list_first_page": "/produk",
         "product_list_page_500": "/produk?page=500",
         "product_list_search_name": "/produk?q=OPOP+4999",
         "product_list_search_barcode": "/produk?q=" + make_ean13("899000049999"),
         "product_list_category_low": "/produk?kategori=Kopi&menipis=1",
         "low_stock_list": "/produk/stok-menipis"}


def run(report):
    app, db_path = make_app()
    seed_products(db_path, PRODUCTS)
    conn = sqlite3.connect(db_path)
    with conn:  # one product in a hundred is below its minimum
        conn.execute("UPDATE stock_level SET on_hand = 0 WHERE product_id % 100 = 0")
    floor = _raw_page(conn)
    conn.close()
    client = logged_in_client(app, "manajer")
    for name, url in PAGES.items():
        times = []
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, url
        report(f"{name}_p50", percentile(times, 50) * 1e3, "ms", floor * 1e3)
    report("csv_import_5000_rows", _import(client), "rows/s")


def _raw_page(conn):
    """The floor: one page of the list straight from sqlite3, median of the repeats."""
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        conn.execute("SELECT p.*, s.on_hand FROM product p LEFT JOIN stock_level s ON s.product_id = p.id"
                     " WHERE p.active = 1 ORDER BY p.name, p.id LIMIT 50").fetchall()
        conn.execute("SELECT count(*) FROM product WHERE active = 1").fetchone()
        times.append(time.perf_counter() - started)
    return percentile(times, 50)


def _import(client):
    lines = ["nama;sku;barcode;kategori;harga;hpp;stok_awal"]
    lines += [f"Barang impor {i};IMP-{i:05d};;Impor;12.500;9.000;10" for i in range(IMPORT_ROWS)]
    body = ("\n".join(lines) + "\n").encode("utf-8")
    page = client.get("/produk/impor").get_data(as_text=True)
    doc = page.split('name="doc_uuid" value="')[1].split('"')[0]
    started = time.perf_counter()
    response = client.post("/produk/impor", data={"doc_uuid": doc, "berkas": (io.BytesIO(body), "impor.csv")},
                           content_type="multipart/form-data")
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return IMPORT_ROWS / elapsed
