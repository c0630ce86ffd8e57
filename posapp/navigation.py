"""The menu: (endpoint, label, minimum role). Items whose endpoint is not registered are hidden,
so a feature appears in the menu as soon as its blueprint exists."""
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

MENU = [
    ("sales.screen", _l("Kasir"), "kasir"),
    ("samsat.counter", _l("Samsat"), "kasir"),
    ("sales.history", _l("Riwayat"), "kasir"),
    ("till.shift", _l("Shift"), "kasir"),
    ("members.index", _l("Anggota"), "kasir"),
    ("wallet.index", _l("Dompet"), "kasir"),
    ("till.cash", _l("Kas keluar/masuk"), "kasir"),
    ("catalog.products", _l("Produk"), "manajer"),
    ("catalog.low_stock", _l("Stok menipis"), "manajer"),
    ("catalog.stock_value", _l("Nilai stok"), "manajer"),
    ("purchasing.purchase_list", _l("Pembelian"), "manajer"),
    ("reports.daily", _l("Buku kas"), "manajer"),
    ("shu.screen", _l("SHU"), "manajer"),
    ("reports.statements", _l("Laporan keuangan"), "manajer"),
    ("audit.index", _l("Log audit"), "manajer"),
    ("auth.locks", _l("Kunci masuk"), "manajer"),
    ("auth.users", _l("Pengguna"), "admin"),
    ("shop.identity", _l("Pengaturan"), "admin"),
    ("receipts.printer_settings", _l("Printer"), "admin"),
    ("sync.status", _l("Sinkronisasi"), "admin"),
]


def menu_items():
    """(url, label) for the logged-in user's role."""
    if not current_user.is_authenticated:
        return []
    functions = current_app.view_functions
    return [(url_for(endpoint), label) for endpoint, label, role in MENU
            if endpoint in functions and current_user.has_role(role)]
