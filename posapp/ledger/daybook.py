"""The buku kas harian's summary (pure): every Kas movement of a day under the category a bendahara reads.

Each journal source (the act that posted an entry; a reversal keeps its entry's source) belongs to one
category, so the categories' Kas in and out add up to the day's Kas in and out, and the opening balance
plus them to the closing balance. A source no category names lands in "Lain-lain" — still counted, so the
book reconciles, and tests/ledger/test_daybook.py fails until it is named.
"""
from ..i18n import N_
from .chart import BANK, JASA_SAMSAT, KAS, TITIPAN

CATEGORIES = (  # (category, the journal sources whose Kas lines it gathers), in the summary's order
    (N_("Penjualan tunai"), ("sale",)),
    (N_("Retur / void penjualan"), ("refund", "void")),
    (N_("Loket Samsat: titipan pajak & jasa loket"), ("samsat",)),
    (N_("Setoran pajak Samsat"), ("setoran",)),
    (N_("Simpanan anggota (setor / tarik)"), ("simpanan",)),
    (N_("Pembayaran kasbon anggota"), ("kasbon",)),
    (N_("Dompet santri (isi / tarik saldo)"), ("dompet",)),
    (N_("Pembagian SHU tunai"), ("shu",)),
    (N_("Pembelian & bayar utang pemasok"), ("purchase", "supplier_payment", "purchase_return")),
    (N_("Bayar penitip titip jual"), ("consign_settle",)),
    (N_("Kas keluar (beban)"), ("expense",)),
    (N_("Kas masuk (pendapatan lain)"), ("income",)),
    (N_("Saldo awal & tambahan modal"), ("opening", "capital")),
    (N_("Setor ke / ambil dari bank"), ("bank_deposit", "bank_withdraw")),
    (N_("Selisih kas (hitung kas)"), ("cash_difference", "shift_close", "day_close")),
)
OTHER = N_("Lain-lain")
CATEGORY_OF = {source: name for name, sources in CATEGORIES for source in sources}
# sources that never touch Kas: stock valued at cost against Persediaan / Modal / Selisih persediaan
NO_CASH = frozenset({"opening_stock", "opname", "adjust", "revalue"})


def summarize(rows) -> dict:
    """From a day's (source, account, debit, credit) sums: the Kas categories as [(name, in, out)] (every
    known category, "Lain-lain" only when something landed there) and the figures beside the cash."""
    kas = {name: [0, 0] for name, _ in CATEGORIES}
    info = {"noncash_sales": 0, "samsat_tax": 0, "samsat_fee": 0}
    for source, account, debit, credit in rows:
        if account == KAS:
            pair = kas.setdefault(CATEGORY_OF.get(source, OTHER), [0, 0])
            pair[0], pair[1] = pair[0] + debit, pair[1] + credit
        elif source == "sale" and account == BANK:
            info["noncash_sales"] += debit - credit
        elif source == "samsat" and account == TITIPAN:
            info["samsat_tax"] += credit - debit
        elif source == "samsat" and account == JASA_SAMSAT:
            info["samsat_fee"] += credit - debit
    return {"kas": [(name, cash_in, cash_out) for name, (cash_in, cash_out) in kas.items()], **info}
