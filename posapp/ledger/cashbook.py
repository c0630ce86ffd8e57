"""Cash and bank movements that are not sales (pure): kas keluar, kas masuk, setor ke bank, ambil dari bank.

    expense   Dr Beban (category, 62xx) / Cr Kas or Bank
    income    Dr Kas or Bank / Cr Pendapatan lain-lain
    capital   Dr Kas or Bank / Cr Modal (added capital)
    deposit   Dr Bank / Cr Kas                (setor ke bank)
    withdraw  Dr Kas / Cr Bank                (ambil dari bank)
"""
from .chart import BANK, BEBAN, KAS, MODAL, PENDAPATAN_LAIN
from .posting import Line, LedgerRefused, amount, cr, dr
from ..i18n import N_, _

KINDS = {"expense": N_("Kas keluar (beban)"), "income": N_("Kas masuk (pendapatan lain)"), "capital": N_("Tambahan modal"),
         "deposit": N_("Setor ke bank"), "withdraw": N_("Ambil dari bank")}
SOURCES = {"expense": "expense", "income": "income", "capital": "capital", "deposit": "bank_deposit",
           "withdraw": "bank_withdraw"}
EXPENSE_CATEGORIES = {"listrik": N_("Listrik, air dan telepon"), "gaji": N_("Gaji / honor"), "transport": N_("Transport"),
                      "atk": N_("Alat tulis kantor"), "kebersihan": N_("Kebersihan"), "lain": N_("Lain-lain")}
CASH_IN = {"income": 1, "capital": 1, "withdraw": 1, "expense": -1, "deposit": -1}  # the drawer's side


def lines(kind, value, category="", via="cash") -> list[Line]:
    """The balanced lines of one movement of `value` rupiah."""
    value = amount(value, "jumlah")
    if value == 0:
        raise LedgerRefused(_("Jumlah harus lebih dari Rp 0."), "amount")
    if via not in ("cash", "bank"):
        raise LedgerRefused(_("Lewat tunai atau bank."), "via")
    money = KAS if via == "cash" else BANK
    if kind == "expense":
        if category not in BEBAN:
            raise LedgerRefused(_("Pilih kategori beban."), "category")
        return [dr(BEBAN[category], value, EXPENSE_CATEGORIES[category].lower()), cr(money, value, "kas keluar")]
    if kind in ("income", "capital"):
        return [dr(money, value, "kas masuk"), cr(PENDAPATAN_LAIN if kind == "income" else MODAL, value, "kas masuk")]
    if kind == "deposit":
        return [dr(BANK, value, "setor ke bank"), cr(KAS, value, "setor ke bank")]
    if kind == "withdraw":
        return [dr(KAS, value, "ambil dari bank"), cr(BANK, value, "ambil dari bank")]
    raise LedgerRefused(_("Jenis kas tidak dikenal."), "kind")
