"""The demo shop's products (pesantren goods with valid EAN-13 barcodes) and its suppliers."""
from ..catalog.barcodes import make_ean13
from ..catalog.models import Product
from ..extensions import db

# name, category, unit, price, cost, member price, pesantren, curated
PRODUCTS = [
    ("Kopi Robusta Dampit 200 g", "Kopi", "bks", 35000, 26000, 33000, "PP Sunan Drajat", True),
    ("Kopi Arabika Ijen 250 g", "Kopi", "bks", 55000, 41000, 52000, "PP Nurul Jadid", True),
    ("Kopi Bubuk Santri 100 g", "Kopi", "bks", 15000, 10500, 14000, "PP Lirboyo", False),
    ("Kopi Sachet Gula Aren (10)", "Kopi", "rtg", 22000, 16000, None, "PP Tebuireng", False),
    ("Sarung Tenun Goyor", "Sandang", "pcs", 185000, 140000, 175000, "PP Sidogiri", True),
    ("Sarung Batik Santri", "Sandang", "pcs", 95000, 70000, 90000, "PP Lirboyo", False),
    ("Peci Hitam Polos", "Sandang", "pcs", 40000, 28000, 37000, "PP Tebuireng", False),
    ("Seragam Santri Putra (L)", "Seragam", "stel", 150000, 115000, 140000, "PP Sidogiri", False),
    ("Seragam Santri Putri (M)", "Seragam", "stel", 160000, 122000, 150000, "PP Sidogiri", False),
    ("Mukena Katun Jepang", "Sandang", "pcs", 175000, 130000, 165000, "PP Al Amien", True),
    ("Madu Hutan Randu 250 ml", "Madu", "btl", 65000, 48000, 60000, "PP Nurul Jadid", True),
    ("Madu Kelengkeng 500 ml", "Madu", "btl", 110000, 82000, 102000, "PP Sunan Drajat", True),
    ("Madu Hitam Pahit 250 ml", "Madu", "btl", 75000, 55000, 70000, "PP Al Amien", False),
    ("Kerupuk Ikan Tenggiri 250 g", "Makanan", "bks", 25000, 17000, 23000, "PP Sunan Drajat", True),
    ("Kerupuk Udang Sidoarjo 250 g", "Makanan", "bks", 30000, 21000, 28000, "PP Al Khoziny", True),
    ("Keripik Tempe Malang 200 g", "Makanan", "bks", 18000, 12000, 17000, "PP Gading", False),
    ("Petis Udang 200 g", "Makanan", "btl", 28000, 19000, None, "PP Al Khoziny", False),
    ("Sambal Bawang Santri 150 g", "Makanan", "btl", 20000, 13000, 19000, "PP Darul Ulum", False),
    ("Rengginang Lorjuk 250 g", "Makanan", "bks", 22000, 15000, 21000, "PP Al Amien", True),
    ("Jenang Kudus Wijen 250 g", "Makanan", "bks", 17000, 11000, None, "PP Tebuireng", False),
    ("Sabun Sereh Wangi 100 g", "Sabun", "pcs", 12000, 7500, 11000, "PP Darul Ulum", True),
    ("Sabun Zaitun Santri 100 g", "Sabun", "pcs", 15000, 9000, 14000, "PP Gading", False),
    ("Sabun Cuci Piring 800 ml", "Sabun", "btl", 14000, 9500, None, "PP Sidogiri", False),
    ("Deterjen Cair 1 L", "Sabun", "btl", 19000, 13500, 18000, "PP Sidogiri", False),
    ("Air Minum Santri 600 ml", "Minuman", "btl", 4000, 2300, 3500, "PP Sidogiri", False),
    ("Air Minum Santri 1500 ml", "Minuman", "btl", 7000, 4200, 6500, "PP Sidogiri", False),
    ("Air Minum Galon Isi Ulang", "Minuman", "gln", 6000, 3500, None, "PP Lirboyo", False),
    ("Teh Rosella Kering 50 g", "Minuman", "bks", 25000, 16000, 23000, "PP Nurul Jadid", True),
    ("Jahe Merah Instan 250 g", "Minuman", "bks", 28000, 19000, 26000, "PP Darul Ulum", True),
    ("Kitab Safinatun Najah", "Kitab", "pcs", 15000, 10000, 14000, "PP Lirboyo", False),
    ("Kitab Jurumiyah", "Kitab", "pcs", 12000, 8000, None, "PP Lirboyo", False),
    ("Kitab Taqrib (Fathul Qorib)", "Kitab", "pcs", 25000, 17500, 23000, "PP Sidogiri", False),
    ("Al-Qur'an Terjemah A5", "Kitab", "pcs", 95000, 72000, 90000, "PP Tebuireng", False),
    ("Buku Tulis Santri 38 lbr", "Alat Tulis", "pcs", 4000, 2600, None, "PP Sidogiri", False),
    ("Pulpen Hitam 0,5 mm", "Alat Tulis", "pcs", 3000, 1800, None, "PP Sidogiri", False),
    ("Minyak Kayu Putih 60 ml", "Kesehatan", "btl", 26000, 19500, 25000, "PP Gading", False),
    ("Minyak Zaitun 100 ml", "Kesehatan", "btl", 35000, 25000, 33000, "PP Al Amien", False),
    ("Gula Aren Cair 250 ml", "Makanan", "btl", 24000, 16000, 22000, "PP Nurul Jadid", True),
    ("Beras Santri 5 kg", "Sembako", "sak", 72000, 64000, 70000, "PP Sunan Drajat", False),
    ("Minyak Goreng 1 L", "Sembako", "btl", 18000, 16000, None, "PP Sidogiri", False),
]

# name, kind, contact, bank: the factories/distributors the koperasi buys from, and the producers who
# consign their goods (titip jual)
SUPPLIERS = [
    ("CV Sumber Rejeki Jombang", "pabrik", "Pak Hasan", "BRI", "0021-01-000123-30-5"),
    ("UD Berkah Santri Kediri", "pabrik", "Bu Aminah", "BSI", "7123456789"),
    ("PT Agro Tirta Jatim", "pabrik", "Bagian penjualan", "Bank Jatim", "0012345678"),
    ("Unit Usaha PP Nurul Jadid", "pesantren", "Ust. Fathor", "BSI", "7200112233"),
    ("Kopontren PP Al Amien Prenduan", "pesantren", "Ust. Zainal", "Bank Jatim", "0045678901"),
    ("Santri Kreatif Tebuireng", "santripreneur", "Mas Rizal", "", ""),
]
# products the two pesantren producers consign: (SKU number, producer index in SUPPLIERS, price to them, commission %)
CONSIGNED = {11: (3, None, "15"), 28: (3, None, "15"), 29: (3, 19_000, None), 10: (4, 128_000, None),
             13: (4, None, "12.5"), 19: (4, 15_000, None)}


def create_products(quiet=False) -> list:
    """The products, with no stock yet; returns them in SKU order."""
    products = []
    for index, (name, category, unit, price, cost, member, pesantren, curated) in enumerate(PRODUCTS, 1):
        product = Product(name=name, sku=f"OPOP-{index:04d}", barcode=make_ean13(f"899{index:09d}"),
                          category=category, unit=unit, price=price, cost=cost, member_price=member,
                          min_stock=5, halal_cert=f"ID35110000{index:06d}" if category != "Kitab" else "",
                          pesantren=pesantren, opop_curated=curated, active=True)
        db.session.add(product)
        products.append(product)
    db.session.flush()
    return products


def opening_qty(index: int) -> int:
    """The stock a product already had on the shelf when the shop started its books."""
    return 10 + (index * 7) % 40
