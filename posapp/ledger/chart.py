"""The default chart of accounts of ledger.md (pure): codes, names, types.

The manager may rename accounts and add sub-accounts; an account that was used is never deleted.
`type` is asset, liability, equity, income, contra (an income account that reduces income) or expense.
"""
from ..i18n import N_

KAS, BANK = "1101", "1102"
PIUTANG_ANGGOTA = "1201"
PERSEDIAAN = "1301"
TITIPAN = "2101"                 # Titipan PKB & SWDKLLJ: owed to the province, never income
TITIPAN_DOMPET = "2102"          # santri wallets: owed to the santri, never income
UTANG_USAHA = "2201"
UTANG_KONSINYASI = "2202"
SIMPANAN_SUKARELA = "2301"
MODAL = "3101"
SIMPANAN_POKOK, SIMPANAN_WAJIB = "3201", "3202"
CADANGAN = "3301"
SHU = "3401"
PENJUALAN, RETUR, KOMISI_KONSINYASI = "4101", "4102", "4103"
JASA_SAMSAT = "4201"
PENDAPATAN_LAIN = "4301"
HPP, SELISIH_PERSEDIAAN = "5101", "5102"
SELISIH, SELISIH_PEMBULATAN = "6101", "6102"
# operating expenses by category (kas keluar)
BEBAN = {"listrik": "6201", "gaji": "6202", "transport": "6203", "atk": "6204", "kebersihan": "6205",
         "lain": "6209"}

CHART = (
    (KAS, N_("Kas"), "asset"),
    (BANK, N_("Bank / QRIS / transfer"), "asset"),
    (PIUTANG_ANGGOTA, N_("Piutang anggota (kasbon)"), "asset"),
    (PERSEDIAAN, N_("Persediaan barang dagang"), "asset"),
    (TITIPAN, N_("Titipan PKB & SWDKLLJ (utang setoran Samsat)"), "liability"),
    (TITIPAN_DOMPET, N_("Titipan dompet santri"), "liability"),
    (UTANG_USAHA, N_("Utang usaha"), "liability"),
    (UTANG_KONSINYASI, N_("Utang konsinyasi"), "liability"),
    (SIMPANAN_SUKARELA, N_("Simpanan sukarela anggota"), "liability"),
    (MODAL, N_("Modal / saldo awal"), "equity"),
    (SIMPANAN_POKOK, N_("Simpanan pokok"), "equity"),
    (SIMPANAN_WAJIB, N_("Simpanan wajib"), "equity"),
    (CADANGAN, N_("Cadangan"), "equity"),
    (SHU, N_("SHU tahun berjalan / SHU belum dibagi"), "equity"),
    (PENJUALAN, N_("Penjualan"), "income"),
    (RETUR, N_("Retur penjualan"), "contra"),
    (KOMISI_KONSINYASI, N_("Pendapatan komisi konsinyasi"), "income"),
    (JASA_SAMSAT, N_("Pendapatan jasa loket Samsat"), "income"),
    (PENDAPATAN_LAIN, N_("Pendapatan lain-lain"), "income"),
    (HPP, N_("Harga pokok penjualan"), "expense"),
    (SELISIH_PERSEDIAAN, N_("Selisih persediaan"), "expense"),
    (SELISIH, N_("Selisih kas"), "expense"),
    (SELISIH_PEMBULATAN, N_("Selisih pembulatan tunai"), "expense"),
    (BEBAN["listrik"], N_("Beban listrik, air dan telepon"), "expense"),
    (BEBAN["gaji"], N_("Beban gaji / honor"), "expense"),
    (BEBAN["transport"], N_("Beban transport"), "expense"),
    (BEBAN["atk"], N_("Beban alat tulis kantor"), "expense"),
    (BEBAN["kebersihan"], N_("Beban kebersihan"), "expense"),
    (BEBAN["lain"], N_("Beban lain-lain"), "expense"),
)
