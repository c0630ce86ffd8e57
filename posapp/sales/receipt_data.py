"""Map sales and shifts to the receipts module's dataclasses (posapp/receipts/data.py)."""
from .. import clock
from ..receipts.data import (
    Payment,
    ReceiptLine,
    SaleReceiptData,
    ShiftReportData,
    ShopIdentity,
)
from ..shop.service import get_settings
from .pricing import METHODS


def _shop() -> ShopIdentity:
    return ShopIdentity.from_settings(get_settings())


def _payments(pairs) -> list:
    return [Payment(method=METHODS.get(method, method), amount=amount, reference=reference)
            for method, amount, reference in pairs]


def sale_receipt_data(sale, copy=False) -> SaleReceiptData:
    """The receipt of a sale, or a RETUR receipt for a refund/void; a copy prints SALINAN."""
    return SaleReceiptData(
        shop=_shop(), receipt_no=sale.receipt_no, issued_at=sale.created_at, kasir=sale.user.full_name,
        lines=[ReceiptLine(name=line.name, qty=line.qty, unit_price=line.unit_price, amount=line.total,
                           discount=line.discount) for line in sale.lines],
        subtotal=sale.subtotal, discount_total=sale.discount, total=sale.total,
        payments=_payments((p.method, p.amount, p.reference) for p in sale.payments),
        tendered=sale.tendered, change=sale.change, member=sale.member,
        copy_printed_at=clock.now() if copy else None, is_refund=sale.kind != "sale",
        original_receipt_no=sale.original.receipt_no if sale.original_id else "",
        note=("VOID. " if sale.kind == "void" else "") + (sale.note or ""))


def shift_report_data(shift, report) -> ShiftReportData:
    """The X report (shift open) or Z report (closed) of a shift."""
    samsat = report.get("samsat") or {}
    return ShiftReportData(
        shop=_shop(), report_type="Z" if shift.closed_at else "X", shift_no=str(shift.id),
        kasir=shift.user.full_name, opened_at=shift.opened_at, closed_at=shift.closed_at,
        printed_at=clock.now(), sales_count=report["sales"]["count"], sales_total=report["sales"]["total"],
        refunds_count=report["refunds"]["count"], refunds_total=report["refunds"]["total"],
        voids_count=report["voids"]["count"], voids_total=report["voids"]["total"],
        payments=_payments((m, a, "") for m, a in sorted(report["payments"].items())),
        shop_money=report["net"], samsat_money=int(samsat.get("total", 0) or 0),
        opening_cash=shift.opening_cash, expected_cash=report["cash_expected"],
        counted_cash=shift.counted_cash, difference=shift.difference)
