"""A sale's, a refund's journal entry (ledger.md), as plain values handed to the ledger's acts."""
from ..ledger import acts


def _tender(payments):
    """(cash, other non-cash, member credit, santri wallet) of a sale's payments."""
    by = {"cash": 0, "kasbon": 0, "dompet": 0}
    for p in payments:
        if p.method in by:
            by[p.method] += p.amount
    return by["cash"], sum(p.amount for p in payments) - sum(by.values()), by["kasbon"], by["dompet"]


def _cost(sale) -> int:
    return sum((line.unit_cost or 0) * line.qty for line in sale.lines)


def _consigned(sale) -> dict:
    """The consigned goods' part of the money and the producers' share of it (titip jual)."""
    lines = [line for line in sale.lines if line.consignor_share is not None]
    return {"consigned": sum(line.total for line in lines), "consignor_share": sum(x.consignor_share for x in lines)}


def post_sale(sale):
    """Dr Kas/Bank, Cr Penjualan; Dr HPP, Cr Persediaan — in the sale's own transaction."""
    cash, noncash, receivable, wallet = _tender(sale.payments)
    return acts.post_sale(uuid=sale.uuid, business_date=sale.business_date, cash=cash, noncash=noncash,
                          cost=_cost(sale), doc_no=sale.receipt_no, member=sale.member, user=sale.user,
                          receivable=receivable, wallet=wallet, rounding=sale.rounding or 0, **_consigned(sale))


def post_refund(refund, stock_rounding=0):
    """A refund or void: the sale's reverse through Retur penjualan; stock back at cost."""
    cash, noncash, receivable, wallet = _tender(refund.payments)
    original = refund.original.receipt_no if refund.original_id else ""
    return acts.post_refund(uuid=refund.uuid, business_date=refund.business_date, cash=cash, noncash=noncash,
                            cost=_cost(refund), doc_no=refund.receipt_no, member=refund.member, user=refund.user,
                            kind=refund.kind, original_doc=original, receivable=receivable, wallet=wallet,
                            rounding=refund.rounding or 0, stock_rounding=stock_rounding, **_consigned(refund))
