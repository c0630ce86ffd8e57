"""Printing a sale's receipt after the sale is committed, with every attempt logged.

A print never raises into the sale: the result is {"ok", "error", "copy"}, so the screen can offer a
retry and later prints are marked SALINAN. The print log is added here; the view's edge commits it.
"""
from ..extensions import db
from ..receipts import print_document_for, printer_settings
from .models import PrintLog
from .receipt_data import sale_receipt_data


def was_printed(sale) -> bool:
    return db.session.scalar(db.select(PrintLog.id).where(PrintLog.sale_id == sale.id, PrintLog.ok.is_(True))
                             .limit(1)) is not None


def print_and_log(sale) -> dict:
    """Print the sale's receipt (RETUR for refunds/voids) and log the attempt."""
    if printer_settings().connection == "none":  # PDF only: nothing is printed, nothing to log
        return {"ok": True, "error": None, "skipped": True, "copy": False}
    copy = was_printed(sale)
    result = print_document_for("sale", lambda: sale_receipt_data(sale, copy), sale.receipt_no)
    if not result.get("skipped"):
        db.session.add(PrintLog(sale_id=sale.id, ok=result["ok"], copy=copy, error=result["error"] or ""))
    return dict(result, copy=copy)
