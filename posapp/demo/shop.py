"""The demo shop's start: settings, accounts, products and the stock already on its shelves."""
from ..catalog import opening_stock
from ..catalog.models import Product
from ..catalog.stock import record_move
from ..extensions import db
from ..refusal import Refusal
from ..shop.service import get_settings, save_settings
from .catalog import create_products, opening_qty
from .people import create_people
from ..i18n import _

SETTINGS = {"shop_name": "Koperasi Pondok Pesantren Al-Hikmah", "shop_address": "Jl. Pesantren No. 1, Jombang, Jawa Timur",
            "shop_code": "KOP01", "receipt_header": "Toko OPOP & Loket Samsat OPOP",
            "receipt_footer": "Terima kasih. Barang yang sudah dibeli dapat ditukar dengan struk."}


class DemoRefused(Refusal):
    """The demo data only goes into an empty shop."""


def start_shop(people=("admin", "manajer", "kasir"), consigned=()) -> dict:
    """Settings, accounts, products and the stock already on the shelves (booked once: Dr Persediaan /
    Cr Modal saldo awal). `consigned` products (SKU numbers) get their stock from their producers later."""
    if db.session.scalar(db.select(Product.id).limit(1)):
        raise DemoRefused(_("Sudah ada produk: data demo hanya untuk toko kosong."))
    if not get_settings().shop_code:
        save_settings(SETTINGS)
    passwords = create_people(people)
    for index, product in enumerate(create_products(), 1):
        if index not in consigned:
            record_move(product, opening_qty(index), "receive", note="Stok awal demo", unit_cost=product.cost)
    opening_stock.record("demo", "stok awal toko demo")
    return passwords
