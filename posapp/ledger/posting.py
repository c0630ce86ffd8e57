"""Ledger arithmetic (pure): the postings of ledger.md as balanced lines, the checks.

No Flask or database here: services hand in plain integers and get plain `Line`s back.
"""
from dataclasses import dataclass

from ..money import format_rupiah
from ..refusal import Refusal

from .chart import (BANK, HPP, JASA_SAMSAT, KAS, KOMISI_KONSINYASI, MODAL, PENJUALAN, PERSEDIAAN, PIUTANG_ANGGOTA,
                    RETUR, SELISIH, SELISIH_PEMBULATAN, SELISIH_PERSEDIAAN, TITIPAN, TITIPAN_DOMPET, UTANG_KONSINYASI)
from ..i18n import _

CASH_ACCOUNTS = (KAS,)
MAX_AMOUNT = 1_000_000_000_000
MAX_OPENING = 10_000_000_000  # Rp 10 miliar: far above a koperasi shop's till, safe and account; more is a typo


class LedgerRefused(Refusal):
    """A refusal with an Indonesian message and the field it belongs to."""


@dataclass(frozen=True)
class Line:
    account: str
    debit: int = 0
    credit: int = 0
    memo: str = ""


def dr(account, amount, memo="") -> Line:
    return Line(account, debit=amount, memo=memo)


def cr(account, amount, memo="") -> Line:
    return Line(account, credit=amount, memo=memo)


def signed(account, value, memo="") -> Line:
    """+value debits `account`, −value credits it (0 is dropped by `balanced`)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LedgerRefused(_("Nilai persediaan harus bilangan bulat rupiah."), "stock")
    return dr(account, value, memo) if value >= 0 else cr(account, -value, memo)


def amount(value, label="jumlah") -> int:
    """A whole, non-negative number of rupiah (bool and float refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise LedgerRefused(_('%(label)s harus bilangan bulat rupiah.', label=label), label)
    if not 0 <= value <= MAX_AMOUNT:
        raise LedgerRefused(_('%(label)s harus 0 sampai %(maximum)s.', label=label, maximum=MAX_AMOUNT), label)
    return value


def balanced(lines) -> list[Line]:
    """Drop zero lines; refuse two-sided, negative, one-sided or unbalanced entries."""
    kept = []
    for line in lines:
        debit, credit = amount(line.debit, "debit"), amount(line.credit, "kredit")
        if debit and credit:
            raise LedgerRefused(_("Satu baris jurnal hanya boleh debit atau kredit."), "lines")
        if debit or credit:
            kept.append(line)
    debits, credits = sum(x.debit for x in kept), sum(x.credit for x in kept)
    if not debits or not credits:
        raise LedgerRefused(_("Jurnal harus punya sisi debit dan kredit."), "lines")
    if debits != credits:
        raise LedgerRefused(_('Jurnal tidak seimbang: debit %(debits)s ≠ kredit %(credits)s.',
                              debits=debits, credits=credits), "lines")
    return kept


def tender_lines(cash, noncash, side, memo) -> list[Line]:
    make = dr if side == "debit" else cr
    return [make(KAS, amount(cash, "tunai"), memo), make(BANK, amount(noncash, "non-tunai"), memo)]


def member_tender_lines(receivable, wallet, side, memo) -> list[Line]:
    """Member credit (Piutang anggota) and santri wallet (Titipan dompet santri) in place of Kas."""
    make = dr if side == "debit" else cr
    return [make(PIUTANG_ANGGOTA, amount(receivable, "piutang anggota"), memo),
            make(TITIPAN_DOMPET, amount(wallet, "dompet santri"), memo)]


def rounding_line(rounding, side="debit") -> Line:
    """Cash rounded down at the till (< Rp 100): the koperasi bears it, on the act's own entry."""
    if amount(rounding, "pembulatan") >= 100:
        raise LedgerRefused(_("Pembulatan tunai harus kurang dari Rp 100."), "rounding")
    make = dr if side == "debit" else cr
    return make(SELISIH_PEMBULATAN, rounding, "pembulatan tunai")


def _consignment(received, consigned, share) -> tuple[int, int]:
    """(own revenue, commission) when `consigned` of the `received` money is the consigned goods' price;
    a commission below zero (sold under the producer's price) is the koperasi's loss, shown."""
    if amount(consigned, "konsinyasi") > received:
        raise LedgerRefused(_("Penjualan titipan lebih besar dari uang diterima."), "consigned")
    return received - consigned, consigned - amount(share, "bagian penitip")


def _received(cash, noncash, receivable, wallet, rounding) -> int:
    """The whole total of a sale (or what a refund gives back): every tender plus the cash rounding."""
    return (amount(cash, "tunai") + amount(noncash, "non-tunai") + amount(receivable, "piutang anggota")
            + amount(wallet, "dompet santri") + amount(rounding, "pembulatan"))


def sale_lines(cash, noncash, cost, receivable=0, wallet=0, rounding=0, consigned=0, share=0) -> list[Line]:
    """Dr Kas/Bank/Piutang anggota/Titipan dompet (and Selisih pembulatan), Cr Penjualan the whole total;
    Dr HPP, Cr Persediaan. Consigned goods' part of the money is not a sale of ours: Cr Utang konsinyasi
    (the producer's share), Cr Pendapatan komisi konsinyasi (the rest)."""
    own, commission = _consignment(_received(cash, noncash, receivable, wallet, rounding), consigned, share)
    return [*tender_lines(cash, noncash, "debit", "penjualan"),
            *member_tender_lines(receivable, wallet, "debit", "penjualan"), rounding_line(rounding),
            cr(PENJUALAN, own), cr(UTANG_KONSINYASI, share, "bagian penitip"),
            signed(KOMISI_KONSINYASI, -commission, "komisi"), dr(HPP, amount(cost, "HPP")), cr(PERSEDIAAN, cost)]


def refund_lines(cash, noncash, cost, receivable=0, wallet=0, rounding=0, stock_rounding=0, consigned=0,
                 share=0) -> list[Line]:
    """Dr Retur penjualan, Cr Kas/Bank/Piutang anggota/Titipan dompet (a void also gives back the sale's
    cash rounding); stock back at the cost it left at: Dr Persediaan, Cr HPP.

    `stock_rounding` (signed) is what the moving average rounded when the goods came back: Persediaan
    moves by cost + stock_rounding, the rounding on Selisih persediaan. Consigned goods back: the producer's
    share is no longer owed (Dr Utang konsinyasi), the commission is given back (Dr komisi)."""
    own, commission = _consignment(_received(cash, noncash, receivable, wallet, rounding), consigned, share)
    return [dr(RETUR, own), dr(UTANG_KONSINYASI, share, "bagian penitip"),
            signed(KOMISI_KONSINYASI, commission, "komisi"), *tender_lines(cash, noncash, "credit", "retur"),
            *member_tender_lines(receivable, wallet, "credit", "retur"), rounding_line(rounding, "credit"),
            signed(PERSEDIAAN, amount(cost, "HPP") + stock_rounding), cr(HPP, cost),
            signed(SELISIH_PERSEDIAAN, -stock_rounding, "pembulatan HPP rata-rata")]


def transfer_lines(debit_account, credit_account, value, memo="") -> list[Line]:
    """One amount from one account to another: Dr `debit_account` / Cr `credit_account`."""
    return [dr(debit_account, amount(value, "jumlah"), memo), cr(credit_account, value, memo)]


def samsat_lines(tax, fee, cash, noncash=0, rounding=0) -> list[Line]:
    """Dr Kas/Bank (and Selisih pembulatan), Cr Titipan PKB (the whole tax, never income), Cr Pendapatan jasa."""
    if amount(cash, "tunai") + amount(noncash, "non-tunai") + amount(rounding, "pembulatan") != \
            amount(tax, "pajak") + amount(fee, "biaya"):
        raise LedgerRefused(_("Uang diterima harus sama dengan pajak ditambah biaya loket."), "cash")
    return [*tender_lines(cash, noncash, "debit", "Samsat"), rounding_line(rounding), cr(TITIPAN, tax, "titipan PKB"),
            cr(JASA_SAMSAT, fee, "jasa loket")]


def samsat_refund_lines(tax, fee, cash, noncash=0, rounding=0) -> list[Line]:
    """Pengembalian to the resident: Dr Titipan PKB (the tax held), Dr Pendapatan jasa (a fee given back),
    Cr Kas/Bank what the resident paid, Cr Selisih pembulatan the rounding the payment's entry bore."""
    if amount(cash, "tunai") + amount(noncash, "non-tunai") + amount(rounding, "pembulatan") != \
            amount(tax, "pajak") + amount(fee, "biaya"):
        raise LedgerRefused(_("Uang dikembalikan harus sama dengan titipan ditambah biaya loket."), "cash")
    return [dr(TITIPAN, tax, "pengembalian titipan PKB"), dr(JASA_SAMSAT, fee, "biaya loket dikembalikan"),
            *tender_lines(cash, noncash, "credit", "pengembalian Samsat"), rounding_line(rounding, "credit")]


def samsat_shortfall_lines(value, cash, noncash=0) -> list[Line]:
    """Kurang bayar collected from the resident: Dr Kas/Bank, Cr Titipan PKB."""
    if amount(cash, "tunai") + amount(noncash, "non-tunai") != amount(value, "kurang bayar"):
        raise LedgerRefused(_("Uang diterima harus sama dengan kurang bayar."), "cash")
    return [*tender_lines(cash, noncash, "debit", "kurang bayar Samsat"), cr(TITIPAN, value, "kurang bayar PKB")]


def setoran_lines(value, via="cash") -> list[Line]:
    """Deposit to the province: Dr Titipan PKB, Cr Kas (or Bank)."""
    if via not in ("cash", "bank"):
        raise LedgerRefused(_("Setoran lewat tunai atau bank."), "via")
    return [dr(TITIPAN, amount(value, "setoran")), cr(KAS if via == "cash" else BANK, value, "setoran")]


def cash_difference_lines(difference) -> list[Line]:
    """counted − expected: short debits Selisih kas, over credits it."""
    if isinstance(difference, bool) or not isinstance(difference, int):
        raise LedgerRefused(_("Selisih harus bilangan bulat rupiah."), "difference")
    if difference < 0:
        return [dr(SELISIH, -difference, "kas kurang"), cr(KAS, -difference, "kas kurang")]
    return [dr(KAS, difference, "kas lebih"), cr(SELISIH, difference, "kas lebih")]


def _opening_amount(value, field, label) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise LedgerRefused(_('%(label)s harus bilangan bulat rupiah.', label=label), field)
    if value < 0:
        raise LedgerRefused(_('%(label)s tidak boleh negatif.', label=label), field)
    if value > MAX_OPENING:
        raise LedgerRefused(_('%(label)s paling banyak %(maximum)s: periksa lagi angkanya.',
                              label=label, maximum=format_rupiah(MAX_OPENING)), field)
    return value


def opening_lines(cash, bank=0) -> list[Line]:
    """Money held when the shop starts using the app: Dr Kas (and Bank), Cr Modal / saldo awal."""
    cash = _opening_amount(cash, "saldo_kas", "Saldo awal kas")
    bank = _opening_amount(bank, "saldo_bank", "Saldo awal bank/QRIS")
    if cash + bank == 0:
        raise LedgerRefused(_("Saldo awal harus lebih dari Rp 0."), "saldo_kas")
    return [dr(KAS, cash, "saldo awal"), dr(BANK, bank, "saldo awal"), cr(MODAL, cash + bank, "saldo awal")]


def reversal_lines(lines) -> list[Line]:
    return [Line(x.account, debit=x.credit, credit=x.debit, memo=("batal: " + x.memo)[:200]) for x in lines]


def kas_effect(lines) -> int:
    """Cash in minus cash out of one entry."""
    return sum(x.debit - x.credit for x in lines if x.account in CASH_ACCOUNTS)


def running(opening, movements):
    """[(movement, balance)] for (…, cash_in, cash_out) tuples in time order; balance after each."""
    balance, out = opening, []
    for movement in movements:
        balance += movement.cash_in - movement.cash_out
        out.append((movement, balance))
    return out
