"""English pages of the counter: no Indonesian left on the cashier's and the manager's screens."""
import re

import pytest

INDONESIAN = re.compile(r"Belum terhubung|transaksi menunggu|Uang pas|Kasir lain|Layar kasir terkunci|"
                        r"keranjang tetap|Tidak tersambung|Jumlah harus|Pembulatan|Tunai dibayar|Selamat datang|"
                        r"Hari ini|Uang di laci|Produk terlaris|Penjualan per jam|Kas seharusnya|Tutup shift")


@pytest.mark.parametrize("url", ["/", "/kasir", "/shift", "/layar-pelanggan", "/buku/laporan", "/pengaturan/printer"])
def test_counter_pages_in_english_have_no_indonesian_left(admin_client, url):
    admin_client.get("/?lang=en")
    admin_client.post("/shift/buka", data={"opening_cash": "100000"})
    page = admin_client.get(url).get_data(as_text=True)
    assert 'lang="en"' in page
    assert INDONESIAN.findall(page) == []


def test_english_cashier_screen_speaks_english_in_its_script_too(admin_client):
    admin_client.get("/?lang=en")
    admin_client.post("/shift/buka", data={"opening_cash": "100000"})
    page = admin_client.get("/kasir").get_data(as_text=True)
    assert '"exact": "Exact cash"' in page and '"qtyBad": "Quantity must be a number' in page
    assert "Not connected to the provincial server yet" in page
