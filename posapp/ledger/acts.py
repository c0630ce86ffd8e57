"""One call per business act: the journal entry of a sale, refund, Samsat payment or settlement, setoran, cash count.

Each takes plain values, adds the entry, its lines and its outbox row to the CALLER's transaction
(flush only) and returns the entry — or None when the act moves no money at all.
`uuid` is the act's own UUID (sale, refund, Samsat payment…); the entry's UUID derives from it.
"""
from . import cashbook, trade
from .journal import post_entry
from .posting import (LedgerRefused, cash_difference_lines, refund_lines, sale_lines, samsat_lines,
                      samsat_refund_lines, samsat_shortfall_lines, setoran_lines, transfer_lines)
from ..i18n import _


def _party(member) -> str:
    return "anggota" if member else "umum"


def post_sale(*, uuid, business_date, cash, noncash=0, cost=0, doc_no="", member=False, user="", receivable=0,
              wallet=0, rounding=0, consigned=0, consignor_share=0):
    """Dr Kas (cash) / Bank (non-cash) / Piutang anggota (receivable) / Titipan dompet (wallet) / Selisih
    pembulatan (rounding), Cr Penjualan; Dr HPP, Cr Persediaan. `consigned` of the money is consigned goods'
    price: Cr Utang konsinyasi `consignor_share`, Cr Pendapatan komisi the rest."""
    if not (cash or noncash or cost or receivable or wallet or rounding):
        return None
    return post_entry("sale", sale_lines(cash, noncash, cost, receivable, wallet, rounding, consigned,
                                         consignor_share), business_date,
                      source_ref=doc_no, source_uuid=uuid, party=_party(member),
                      description=f"Penjualan {doc_no}".strip(), user=user)


def post_refund(*, uuid, business_date, cash, noncash=0, cost=0, doc_no="", member=False, user="",
                kind="refund", original_doc="", receivable=0, wallet=0, rounding=0, stock_rounding=0,
                consigned=0, consignor_share=0):
    """A refund or void: the sale's reverse through Retur penjualan; stock back at cost (the moving
    average's rounding of the returned goods, `stock_rounding`, on Selisih persediaan)."""
    if kind not in ("refund", "void"):
        raise LedgerRefused(_("Jenis retur tidak dikenal."), "kind")
    if not (cash or noncash or cost or receivable or wallet or rounding or stock_rounding):
        return None
    label = "Retur" if kind == "refund" else "Void"
    return post_entry(kind, refund_lines(cash, noncash, cost, receivable, wallet, rounding, stock_rounding,
                                         consigned, consignor_share),
                      business_date, source_ref=doc_no, source_uuid=uuid, party=_party(member), user=user,
                      description=f"{label} {doc_no}" + (f" atas {original_doc}" if original_doc else ""))


def post_samsat_payment(*, uuid, business_date, tax, fee, cash=None, noncash=0, doc_no="", plate="", user="",
                        rounding=0):
    """Dr Kas tax+fee (less the rounding, Dr Selisih pembulatan) / Cr Titipan PKB tax / Cr Pendapatan jasa fee."""
    cash = tax + fee - noncash - rounding if cash is None else cash
    description = f"Pembayaran Samsat {doc_no}" + (f" {plate}" if plate else "")
    return post_entry("samsat", samsat_lines(tax, fee, cash, noncash, rounding), business_date, source_ref=doc_no,
                      source_uuid=uuid, description=description, user=user)


def post_samsat_refund(*, uuid, business_date, tax, fee=0, cash=None, noncash=0, doc_no="", plate="", user="",
                       rounding=0):
    """Pengembalian: Dr Titipan PKB tax (+ Dr Pendapatan jasa fee given back) / Cr Kas (or Bank) what the
    resident paid (/ Cr Selisih pembulatan the rounding of the payment)."""
    cash = tax + fee - noncash - rounding if cash is None else cash
    description = f"Pengembalian Samsat {doc_no}" + (f" {plate}" if plate else "")
    return post_entry("samsat", samsat_refund_lines(tax, fee, cash, noncash, rounding), business_date,
                      source_ref=doc_no, source_uuid=uuid, description=description, user=user)


def post_samsat_shortfall(*, uuid, business_date, amount, cash=None, noncash=0, doc_no="", plate="", user=""):
    """Kurang bayar collected: Dr Kas (or Bank) / Cr Titipan PKB."""
    cash = amount - noncash if cash is None else cash
    description = f"Kurang bayar Samsat {doc_no}" + (f" {plate}" if plate else "")
    return post_entry("samsat", samsat_shortfall_lines(amount, cash, noncash), business_date, source_ref=doc_no,
                      source_uuid=uuid, description=description, user=user)


def post_setoran(*, uuid, business_date, amount, via="cash", doc_no="", user="", note=""):
    """Deposit of the collected PKB to the province: Dr Titipan PKB / Cr Kas (or Bank)."""
    return post_entry("setoran", setoran_lines(amount, via), business_date, source_ref=doc_no,
                      source_uuid=uuid, description=f"Setoran Samsat {doc_no} {note}".strip(), user=user)


def post_cash_difference(*, uuid, business_date, difference, doc_no="", user="", source="cash_difference",
                         note=""):
    """Cash short (difference < 0): Dr Selisih kas / Cr Kas; over: the reverse; zero posts nothing."""
    if difference == 0:
        return None
    kind = "kurang" if difference < 0 else "lebih"
    return post_entry(source, cash_difference_lines(difference), business_date, source_ref=doc_no,
                      source_uuid=uuid, description=f"Selisih kas {kind} {doc_no} {note}".strip(), user=user)


def post_transfer(*, source, uuid, business_date, debit, credit, amount, doc_no="", description="", user="",
                  party=""):
    """One amount moved between two accounts (a simpanan deposit, a kasbon repayment, a wallet top-up…)."""
    return post_entry(source, transfer_lines(debit, credit, amount, description[:200]), business_date,
                      source_ref=doc_no, source_uuid=uuid, party=party, description=description, user=user)


def post_purchase(*, uuid, business_date, stock, cash=0, bank=0, credit=0, doc_no="", supplier="", user=""):
    """Goods bought: Dr Persediaan by what on_hand × average rose / Cr Kas, Bank or Utang usaha (the
    invoice); the average's rounding on Selisih persediaan."""
    return post_entry("purchase", trade.purchase_lines(stock, cash, bank, credit), business_date, source_ref=doc_no,
                      source_uuid=uuid, description=f"Pembelian {doc_no} {supplier}".strip(), user=user)


def post_purchase_return(*, uuid, business_date, stock, cash=0, bank=0, credit=0, doc_no="", supplier="",
                         user=""):
    """Goods sent back at invoice cost: Dr Utang usaha (or Kas/Bank refunded) / Cr Persediaan."""
    return post_entry("purchase_return", trade.purchase_return_lines(stock, cash, bank, credit), business_date,
                      source_ref=doc_no, source_uuid=uuid, user=user,
                      description=f"Retur pembelian {doc_no} {supplier}".strip())


def post_supplier_payment(*, uuid, business_date, amount, via="cash", doc_no="", supplier="", user=""):
    """Dr Utang usaha / Cr Kas or Bank."""
    return post_entry("supplier_payment", trade.supplier_payment_lines(amount, via), business_date,
                      source_ref=doc_no, source_uuid=uuid, user=user,
                      description=f"Pembayaran utang {doc_no} {supplier}".strip())


def post_opening_stock(*, uuid, business_date, stock, doc_no="", user="", note=""):
    """The stock on hand when the books start: Dr Persediaan / Cr Modal saldo awal."""
    return post_entry("opening_stock", trade.opening_stock_lines(stock), business_date, source_ref=doc_no,
                      source_uuid=uuid, user=user, description=f"Persediaan awal {note}".strip())


STOCK_SOURCES = {"adjust": "Penyesuaian stok", "opname": "Stok opname", "revalue": "Revaluasi HPP"}


def post_stock_difference(*, uuid, business_date, stock, source="adjust", doc_no="", note="", user=""):
    """An adjustment, an opname or a revaluation: Persediaan against Selisih persediaan; 0 posts nothing."""
    if source not in STOCK_SOURCES:
        raise LedgerRefused(_("Jenis selisih persediaan tidak dikenal."), "source")
    if stock == 0:
        return None
    return post_entry(source, trade.stock_difference_lines(stock, STOCK_SOURCES[source].lower()), business_date,
                      source_ref=doc_no, source_uuid=uuid, user=user,
                      description=f"{STOCK_SOURCES[source]} {doc_no} {note}".strip())


def post_consignment_settlement(*, uuid, business_date, amount, via="cash", doc_no="", producer="", user=""):
    """Paying a producer's share of consignment sales: Dr Utang konsinyasi / Cr Kas or Bank."""
    return post_entry("consign_settle", trade.consignment_settlement_lines(amount, via), business_date,
                      source_ref=doc_no, source_uuid=uuid, user=user,
                      description=f"Penyelesaian titip jual {doc_no} {producer}".strip())


def post_cash_movement(*, uuid, business_date, kind, amount, category="", via="cash", doc_no="", note="", user=""):
    """Kas keluar / kas masuk / tambahan modal / setor ke bank / ambil dari bank (ledger.cashbook)."""
    label = cashbook.KINDS.get(kind, kind)
    return post_entry(cashbook.SOURCES.get(kind, "cash"), cashbook.lines(kind, amount, category, via), business_date,
                      source_ref=doc_no, source_uuid=uuid, user=user, description=f"{label} {doc_no} {note}".strip())
