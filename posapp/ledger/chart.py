"""The default chart of accounts of ledger.md (pure): codes, names, types.

The manager may rename accounts and add sub-accounts; an account that was used is never deleted.
`type` is asset, liability, equity, income, contra (an income account that reduces income) or expense.
"""
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
    (KAS, "Kas", "asset"),
    (BANK, "Bank / QRIS / transfer", "asset"),
    (PIUTANG_ANGGOTA, "Piutang anggota (kasbon)", "asset"),
    (PERSEDIAAN, "Persediaan barang dagang", "asset"),
    (TITIPAN, "Titipan PKB & SWDKLLJ (utang setoran Samsat)", "liability"),
    (TITIPAN_DOMPET, "Titipan dompet santri", "liability"),
    (UTANG_USAHA, "Utang usaha", "liability"),
    (UTANG_KONSINYASI, "Utang konsinyasi", "liability"),
    (SIMPANAN_SUKARELA, "Simpanan sukarela anggota", "liability"),
    (MODAL, "Modal / saldo awal", "equity"),
    (SIMPANAN_POKOK, "Simpanan pokok", "equity"),
    (SIMPANAN_WAJIB, "Simpanan wajib", "equity"),
    (CADANGAN, "Cadangan", "equity"),
    (SHU, "SHU tahun berjalan / SHU belum dibagi", "equity"),
    (PENJUALAN, "Penjualan", "income"),
    (RETUR, "Retur penjualan", "contra"),
    (KOMISI_KONSINYASI, "Pendapatan komisi konsinyasi", "income"),
    (JASA_SAMSAT, "Pendapatan jasa loket Samsat", "income"),
    (PENDAPATAN_LAIN, "Pendapatan lain-lain", "income"),
    (HPP, "Harga pokok penjualan", "expense"),
    (SELISIH_PERSEDIAAN, "Selisih persediaan", "expense"),
    (SELISIH, "Selisih kas", "expense"),
    (SELISIH_PEMBULATAN, "Selisih pembulatan tunai", "expense"),
    (BEBAN["listrik"], "Beban listrik, air dan telepon", "expense"),
    (BEBAN["gaji"], "Beban gaji / honor", "expense"),
    (BEBAN["transport"], "Beban transport", "expense"),
    (BEBAN["atk"], "Beban alat tulis kantor", "expense"),
    (BEBAN["kebersihan"], "Beban kebersihan", "expense"),
    (BEBAN["lain"], "Beban lain-lain", "expense"),
)
