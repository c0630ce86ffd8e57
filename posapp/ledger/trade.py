"""Postings of stock, purchases, suppliers and consignment as balanced lines (pure, like ledger.posting).

Amounts that can go either way (what Persediaan moved by) are signed: + debits, − credits.
"""
from .chart import BANK, KAS, MODAL, PERSEDIAAN, SELISIH_PERSEDIAAN, UTANG_KONSINYASI, UTANG_USAHA
from .posting import Line, LedgerRefused, amount, cr, dr, signed
from ..i18n import _

PAY_ACCOUNTS = {"cash": KAS, "bank": BANK, "credit": UTANG_USAHA}


def with_residue(lines, memo="pembulatan HPP rata-rata") -> list[Line]:
    """`lines` closed by Selisih persediaan: the few rupiah the moving average rounds away, shown."""
    net = sum(x.debit - x.credit for x in lines)
    return [*lines, signed(SELISIH_PERSEDIAAN, -net, memo)]


def pay_lines(side, cash=0, bank=0, credit=0, memo="") -> list[Line]:
    """The money side of a purchase (side "credit") or of what comes back (side "debit")."""
    make = cr if side == "credit" else dr
    return [make(KAS, amount(cash, "tunai"), memo), make(BANK, amount(bank, "bank"), memo),
            make(UTANG_USAHA, amount(credit, "utang"), memo)]


def purchase_lines(stock, cash=0, bank=0, credit=0) -> list[Line]:
    """Dr Persediaan (Δ of on_hand × average) / Cr Kas, Bank or Utang usaha (the invoice)."""
    return with_residue([signed(PERSEDIAAN, stock, "pembelian"), *pay_lines("credit", cash, bank, credit, "pembelian")])


def purchase_return_lines(stock, cash=0, bank=0, credit=0) -> list[Line]:
    """Goods back to the supplier at invoice cost: Dr Utang usaha (or Kas/Bank refunded) / Cr Persediaan."""
    return with_residue([signed(PERSEDIAAN, stock, "retur pembelian"),
                         *pay_lines("debit", cash, bank, credit, "retur pembelian")])


def supplier_payment_lines(value, via="cash") -> list[Line]:
    """Paying a supplier's invoice: Dr Utang usaha / Cr Kas or Bank."""
    if via not in ("cash", "bank"):
        raise LedgerRefused(_("Pembayaran lewat tunai atau bank."), "via")
    return [dr(UTANG_USAHA, amount(value, "pembayaran"), "pelunasan"), cr(PAY_ACCOUNTS[via], value, "pelunasan")]


def opening_stock_lines(stock) -> list[Line]:
    """Stock on hand when the shop starts its books: Dr Persediaan / Cr Modal saldo awal."""
    if amount(stock, "nilai persediaan") == 0:
        raise LedgerRefused(_("Nilai persediaan awal harus lebih dari Rp 0."), "stock")
    return [dr(PERSEDIAAN, stock, "persediaan awal"), cr(MODAL, stock, "persediaan awal")]


def stock_difference_lines(stock, memo="selisih persediaan") -> list[Line]:
    """Adjustment, opname, revaluation: Persediaan against Selisih persediaan (gain when stock rises)."""
    if stock == 0:
        raise LedgerRefused(_("Tidak ada selisih nilai persediaan."), "stock")
    return with_residue([signed(PERSEDIAAN, stock, memo)], memo)


def consignment_settlement_lines(value, via="cash") -> list[Line]:
    """Paying a producer's share of consignment sales: Dr Utang konsinyasi / Cr Kas or Bank."""
    if via not in ("cash", "bank"):
        raise LedgerRefused(_("Pembayaran lewat tunai atau bank."), "via")
    return [dr(UTANG_KONSINYASI, amount(value, "pembayaran"), "penyelesaian konsinyasi"),
            cr(PAY_ACCOUNTS[via], value, "penyelesaian konsinyasi")]
