"""A Samsat payment as the receipts package's SamsatReceiptData (the "samsat" layout: a bukti setor)."""
from datetime import date

from .. import clock, receipts
from ..extensions import db
from ..receipts.data import SamsatReceiptData, SamsatYear, ShopIdentity
from ..shop.service import get_settings
from .models import SamsatPrint


def receipt_data(payment, copy_printed_at=None) -> SamsatReceiptData:
    """Every component per tax year, the fee, the total; the NTPD once the hub confirmed the payment."""
    years = [SamsatYear(year=date.fromisoformat(y["due"]).year, pkb=y["pkb"], opsen_pkb=y["opsen_pkb"],
                        denda_pkb=y["denda_pkb"], denda_opsen_pkb=y["denda_opsen_pkb"], swdkllj=y["swdkllj"],
                        denda_swdkllj=y["denda_swdkllj"]) for y in payment.bill["years"]]
    return SamsatReceiptData(
        shop=ShopIdentity.from_settings(get_settings()), transaction_no=payment.transaction_no,
        issued_at=payment.created_at, kasir=payment.user.full_name or payment.user.username,
        plate=payment.plate_display, owner_name=payment.owner_name or "-", vehicle=payment.vehicle_desc or "-",
        period_old=payment.period_old, period_new=payment.period_new, years=years, fee=payment.fee,
        total=payment.total, payment_method=f"{payment.method_label} {payment.reference}".strip(),
        tendered=payment.tendered, change=payment.change, rounding=payment.rounding or 0, ntpd=payment.ntpd, copy_printed_at=copy_printed_at)


def was_printed(payment) -> bool:
    return db.session.scalar(db.select(SamsatPrint.id).where(SamsatPrint.payment_id == payment.id,
                                                             SamsatPrint.ok.is_(True)).limit(1)) is not None


def document(payment, copy=False, columns=None):
    """The receipt as rows (for the screen, the printer and the PDF); a copy is marked SALINAN."""
    columns = columns or receipts.printer_settings().columns
    return receipts.render_document("samsat", receipt_data(payment, clock.now() if copy else None), columns)


def print_and_log(payment) -> dict:
    """Print after the payment is committed and log the attempt; a failure is a result, never an exception."""
    copy = was_printed(payment)
    settings = receipts.printer_settings()
    if settings.connection == "none":
        return {"ok": True, "skipped": True, "error": None, "copy": copy}
    try:
        result = receipts.issue(document(payment, copy, settings.columns), payment.transaction_no, settings)
        ok, error = bool(result.ok), result.error
    except Exception as exc:  # noqa: BLE001 - the payment is saved; the print can be retried
        ok, error = False, f"Gagal mencetak: {exc}"
    db.session.add(SamsatPrint(payment_id=payment.id, ok=ok, copy=copy, error=error or ""))  # the view commits
    return {"ok": ok, "skipped": False, "error": error, "copy": copy}
