"""The Samsat acts' journal entries (ledger.md): PKB money is titipan (a liability), only the fee is income.

Called inside the act's own transaction; a closed day refuses the posting (LedgerRefused), which the
view turns into a message and a rollback, so nothing is recorded.
"""
from ..ledger.acts import post_samsat_payment as _post_payment
from ..ledger.acts import post_samsat_refund as _post_refund
from ..ledger.acts import post_samsat_shortfall as _post_shortfall
from ..ledger.acts import post_setoran as _post_setoran


def post_samsat_payment(payment):
    """Dr Kas (or Bank) tax + fee / Cr Titipan PKB tax / Cr Pendapatan jasa loket fee."""
    rounding = payment.rounding or 0
    cash = payment.total - rounding if payment.method == "cash" else 0
    return _post_payment(uuid=payment.uuid, business_date=payment.business_date, tax=payment.tax, fee=payment.fee,
                         cash=cash, noncash=payment.total - rounding - cash, doc_no=payment.transaction_no,
                         plate=payment.plate_display, user=payment.user, rounding=rounding)


def post_settlement(settlement):
    """Pengembalian: Dr Titipan (+ Dr Pendapatan jasa for a fee given back) / Cr Kas or Bank;
    kurang bayar: Dr Kas or Bank / Cr Titipan."""
    common = dict(uuid=settlement.uuid, business_date=settlement.business_date, doc_no=settlement.settlement_no,
                  plate=settlement.payment.plate_display, user=settlement.user)
    noncash = settlement.total if settlement.method == "noncash" else 0
    if settlement.kind == "pengembalian":
        return _post_refund(tax=settlement.amount, fee=settlement.fee_refund, noncash=noncash,
                            rounding=settlement.rounding_returned, **common)
    return _post_shortfall(amount=settlement.amount, noncash=noncash, **common)


def post_setoran(setoran):
    """Dr Titipan PKB / Cr Kas (or Bank) for the deposit to the province."""
    return _post_setoran(uuid=setoran.uuid, business_date=setoran.business_date, amount=setoran.amount,
                         via=setoran.via, doc_no=setoran.setoran_no, user=setoran.user, note=setoran.note[:100])
