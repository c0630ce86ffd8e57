"""The audit log's action codes in words (the code itself never reaches the screen)."""
from ..i18n import N_, _

ACTIONS = {
    "login": N_("Masuk"), "logout": N_("Keluar"), "auth.unlock": N_("Buka kunci masuk"),
    "till.lock": N_("Layar kasir dikunci"), "unlock": N_("Layar kasir dibuka"),
    "user.create": N_("Pengguna baru"), "user.enable": N_("Aktifkan / nonaktifkan pengguna"),
    "user.password": N_("Ganti kata sandi"), "user.pin": N_("Ganti PIN"), "settings.change": N_("Ubah pengaturan"),
    "shift.open": N_("Buka shift"), "shift.close": N_("Tutup shift"),
    "sale.refund": N_("Retur penjualan"), "sale.void": N_("Void penjualan"), "sale.reprint": N_("Cetak ulang struk"),
    "sale.discount": N_("Diskon di atas batas"),
    "cash.expense": N_("Kas keluar (beban)"), "cash.income": N_("Kas masuk (pendapatan lain)"),
    "cash.capital": N_("Tambahan modal"), "cash.deposit": N_("Setor ke bank"), "cash.withdraw": N_("Ambil dari bank"),
    "cash.reverse": N_("Pembatalan catatan kas"),
    "product.create": N_("Produk baru"), "product.price": N_("Ubah produk"), "product.activate": N_("Aktifkan / nonaktifkan produk"),
    "product.import": N_("Impor produk"), "product.curated.create": N_("Produk kurasi OPOP baru"),
    "product.curated.updated": N_("Produk kurasi OPOP diperbarui"), "product.curated.update": N_("Produk kurasi OPOP diperbarui"),
    "product.curated.withdrawn": N_("Produk kurasi OPOP ditarik"),
    "product.curated.reactivated": N_("Produk kurasi OPOP diterbitkan kembali"),
    "stock.adjust": N_("Penyesuaian stok"), "stock.opname": N_("Stok opname"), "stock.opening": N_("Persediaan awal"),
    "supplier.create": N_("Pemasok baru"), "supplier.update": N_("Ubah pemasok"),
    "supplier.activate": N_("Aktifkan / nonaktifkan pemasok"),
    "purchase.post": N_("Posting pembelian"), "purchase.discard": N_("Buang draf pembelian"),
    "purchase.pay": N_("Bayar utang pemasok"), "purchase.return": N_("Retur pembelian"),
    "consignment.receive": N_("Terima barang titipan"), "consignment.return": N_("Kembalikan barang titipan"),
    "consignment.settle": N_("Penyelesaian titip jual"),
    "member.new": N_("Anggota baru"), "member.edit": N_("Ubah data anggota"), "member.import": N_("Impor anggota"),
    "member.card": N_("Kartu anggota baru"), "member.leave": N_("Anggota keluar"),
    "member.credit_limit": N_("Limit kasbon"), "member.credit.repay": N_("Pembayaran kasbon"),
    "member.saving.setor": N_("Setor simpanan"), "member.saving.tarik": N_("Tarik simpanan"),
    "member.withdraw": N_("Tarik simpanan sukarela"),
    "wallet.open": N_("Buka dompet santri"), "wallet.limits": N_("Batas jajan dompet"), "wallet.pin": N_("PIN dompet"),
    "wallet.withdraw": N_("Tarik saldo dompet"),
    "samsat.payment": N_("Pembayaran Samsat"), "samsat.setoran": N_("Setoran Samsat"),
    "samsat.reprint": N_("Cetak ulang struk Samsat"), "samsat.pengembalian": N_("Pengembalian Samsat"),
    "samsat.kurang_bayar": N_("Kurang bayar Samsat"),
    "ledger.opening": N_("Saldo awal"), "ledger.account_rename": N_("Ubah nama akun"),
    "ledger.day_close": N_("Tutup hari"), "ledger.month_close": N_("Tutup bulan"), "shu.pay": N_("Pembagian SHU"),
}
APPROVAL = "approval."


def action_words(code) -> str:
    """An action in the page's language; a manager's approval of one says so; an unknown code reads as words."""
    code = str(code or "")
    if code.startswith(APPROVAL):
        return _("Persetujuan manajer: %(action)s", action=action_words(code[len(APPROVAL):]))
    label = ACTIONS.get(code)
    return _(label) if label else code.replace(".", " ").replace("_", " ").capitalize()
