"""Map sales to the receipts module's dataclasses (posapp/receipts/data.py)."""
from .. import clock
from ..receipts.data import Payment, ReceiptLine, SaleReceiptData, ShopIdentity
from ..shop.service import get_settings
from ..till.tenders import method_label
from . import member_tenders


def _shop() -> ShopIdentity:
    return ShopIdentity.from_settings(get_settings())


def _payments(pairs) -> list:
    return [Payment(method=method_label(method), amount=amount, reference=reference)
            for method, amount, reference in pairs]


def sale_receipt_data(sale, copy=False) -> SaleReceiptData:
    """The receipt of a sale, or a RETUR receipt for a refund/void; a copy prints SALINAN."""
    return SaleReceiptData(
        shop=_shop(), receipt_no=sale.receipt_no, issued_at=sale.created_at, kasir=sale.user.full_name,
        lines=[ReceiptLine(name=line.name, qty=line.qty, unit_price=line.unit_price, amount=line.total,
                           discount=line.discount) for line in sale.lines],
        subtotal=sale.subtotal, discount_total=sale.discount, total=sale.total,
        payments=_payments((p.method, p.amount, p.reference) for p in sale.payments),
        tendered=sale.tendered, change=sale.change, member=sale.member, rounding=sale.rounding or 0,
        member_name=sale.member_record.name if sale.member_id else "",
        member_no=sale.member_record.number if sale.member_id else "",
        wallet_balance=member_tenders.wallet_balance_after(sale),
        copy_printed_at=clock.now() if copy else None, is_refund=sale.kind != "sale",
        original_receipt_no=sale.original.receipt_no if sale.original_id else "",
        note=("VOID. " if sale.kind == "void" else "") + (sale.note or ""))
