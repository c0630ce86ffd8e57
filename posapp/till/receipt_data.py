"""A shift's X report (open) or Z report (closed) as the receipts module's ShiftReportData."""
from .. import clock
from ..receipts.data import Payment, ShiftReportData, ShopIdentity
from ..shop.service import get_settings
from .tenders import method_label


def shift_report_data(shift, report) -> ShiftReportData:
    """The X report (shift open) or Z report (closed) of a shift."""
    samsat = report.get("samsat") or {}
    return ShiftReportData(
        shop=ShopIdentity.from_settings(get_settings()), report_type="Z" if shift.closed_at else "X", shift_no=str(shift.id),
        kasir=shift.user.full_name, opened_at=shift.opened_at, closed_at=shift.closed_at,
        printed_at=clock.now(), sales_count=report["sales"]["count"], sales_total=report["sales"]["total"],
        refunds_count=report["refunds"]["count"], refunds_total=report["refunds"]["total"],
        voids_count=report["voids"]["count"], voids_total=report["voids"]["total"],
        payments=[Payment(method=method_label(m), amount=a, reference="") for m, a in sorted(report["payments"].items())],
        shop_money=report["net"], samsat_money=int(samsat.get("total", 0) or 0), drawer_rows=report["drawer_rows"],
        opening_cash=shift.opening_cash, expected_cash=report["cash_expected"],
        counted_cash=shift.counted_cash, difference=shift.difference)
