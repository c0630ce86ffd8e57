"""A Samsat payment as the receipts package's SamsatReceiptData (the "samsat" layout: a bukti setor)."""
from datetime import date

from .. import clock, receipts
from ..extensions import db
from ..receipts.data import SamsatReceiptData, SamsatSettlementReceiptData, SamsatYear, ShopIdentity
from ..shop.service import get_settings
from .book import counter_book
from .models import METHODS, SamsatPrint
from ..i18n import _

EFFECTS = {"pemutihan": "denda PKB dihapus", "cap_at_old_rate": "PKB tidak naik dari tarif lama"}


def relief_names(programmes) -> list[str]:
    """The reliefs a bill applied, in words ("Pemutihan denda … (denda PKB dihapus)"), so a denda of 0 reads right."""
    known = {doc.get("name"): doc for rs in counter_book().rulesets.values()
             for doc in rs.document.get("programmes", []) if isinstance(doc, dict)}
    out = []
    for name in programmes or []:
        doc = known.get(name, {})
        effect = EFFECTS.get(doc.get("kind"))
        out.append(f"{doc.get('title') or name}" + (f" ({effect})" if effect else ""))
    return out


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
        tendered=payment.tendered, change=payment.change, rounding=payment.rounding or 0, ntpd=payment.ntpd, copy_printed_at=copy_printed_at,
        chassis_last5=payment.chassis_last5, stnk_valid_until=_date(payment.vehicle.get("stnk_valid_until")),
        reliefs=relief_names(payment.bill.get("programmes")), unverified=not payment.verified)


def _date(value):
    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None


def settlement_data(settlement, copy_printed_at=None) -> SamsatSettlementReceiptData:
    payment = settlement.payment
    return SamsatSettlementReceiptData(
        shop=ShopIdentity.from_settings(get_settings()), settlement_no=settlement.settlement_no,
        title=settlement.kind_label.upper(), issued_at=settlement.created_at,
        kasir=settlement.user.full_name or settlement.user.username, approved_by=settlement.approved_by,
        payment_no=payment.transaction_no, payment_date=payment.business_date, plate=payment.plate_display,
        owner_name=payment.owner_name or "-", reason=settlement.reason_label, amount=settlement.amount,
        fee_refund=settlement.fee_refund, total=settlement.total,
        payment_method=f"{METHODS[settlement.method]} {settlement.reference}".strip(), money_out=settlement.kind == "pengembalian", note=settlement.note, copy_printed_at=copy_printed_at)


def settlement_document(settlement, copy=False, columns=None):
    columns = columns or receipts.printer_settings().columns
    return receipts.render_document("samsat_settlement", settlement_data(settlement, clock.now() if copy else None),
                                    columns)


def print_settlement(settlement) -> dict:
    """Print the settlement's receipt after it is committed; a failure is a result, never an exception."""
    settings = receipts.printer_settings()
    if settings.connection == "none":
        return {"ok": True, "skipped": True, "error": None}
    try:
        result = receipts.issue(settlement_document(settlement, columns=settings.columns), settlement.settlement_no,
                                settings)
        return {"ok": bool(result.ok), "skipped": False, "error": result.error}
    except Exception as exc:  # noqa: BLE001 - the settlement is saved; the PDF can be printed instead
        return {"ok": False, "skipped": False, "error": _('Gagal mencetak: %(exc)s', exc=exc)}


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
        ok, error = False, _('Gagal mencetak: %(exc)s', exc=exc)
    db.session.add(SamsatPrint(payment_id=payment.id, ok=ok, copy=copy, error=error or ""))  # the view commits
    return {"ok": ok, "skipped": False, "error": error, "copy": copy}
