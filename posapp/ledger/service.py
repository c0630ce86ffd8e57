"""The sales package's hooks (posapp.sales.hooks) land here: a Sale/Shift in, one act call out.

Also the ledger's public entry points for other features: see `acts` for the plain-value calls.
"""
from .acts import post_samsat_payment, post_setoran  # noqa: F401 - public API for Samsat
from . import acts


def _tender(payments):
    cash = sum(p.amount for p in payments if p.method == "cash")
    return cash, sum(p.amount for p in payments) - cash


def _cost(sale) -> int:
    return sum((line.unit_cost or 0) * line.qty for line in sale.lines)


def post_sale(sale):
    """A completed sale (posapp.sales.models.Sale)."""
    cash, noncash = _tender(sale.payments)
    return acts.post_sale(uuid=sale.uuid, business_date=sale.business_date, cash=cash, noncash=noncash,
                          cost=_cost(sale), doc_no=sale.receipt_no, member=sale.member, user=sale.user)


def post_refund(refund):
    """A refund or void (a Sale of kind refund/void pointing at the original)."""
    cash, noncash = _tender(refund.payments)
    original = refund.original.receipt_no if refund.original_id else ""
    return acts.post_refund(uuid=refund.uuid, business_date=refund.business_date, cash=cash, noncash=noncash,
                            cost=_cost(refund), doc_no=refund.receipt_no, member=refund.member, user=refund.user,
                            kind=refund.kind, original_doc=original)


def post_cash_difference(shift):
    """The cash over/short counted at a shift close (shift.difference = counted − expected)."""
    return acts.post_cash_difference(uuid=shift.uuid, business_date=shift.business_date,
                                     difference=shift.difference or 0, doc_no=f"SHIFT-{shift.id}",
                                     user=shift.user, source="shift_close", note=shift.close_note[:100])
