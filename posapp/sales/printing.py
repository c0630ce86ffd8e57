"""Printing receipts and shift reports through posapp.receipts, after the sale is committed.

A print never raises into the sale: the result is {"ok", "error", "copy"} and every attempt is
logged, so the screen can offer a retry and later prints are marked SALINAN.
"""
from flask import current_app

from ..extensions import db
from .models import PrintLog


def receipts_module():
    """posapp.receipts once it offers the rendering API, else None."""
    try:
        from .. import receipts
    except ImportError:
        return None
    needed = ("render_document", "to_pdf_bytes", "issue", "printer_settings")
    return receipts if all(hasattr(receipts, name) for name in needed) else None


def was_printed(sale) -> bool:
    return db.session.scalar(db.select(PrintLog.id).where(PrintLog.sale_id == sale.id, PrintLog.ok.is_(True))
                             .limit(1)) is not None


def print_and_log(sale) -> dict:
    """Print the sale's receipt (RETUR for refunds/voids), log the attempt, commit the log."""
    if not printer_configured():  # PDF only: nothing is printed, nothing to log
        return {"ok": True, "error": None, "skipped": True, "copy": False}
    copy = was_printed(sale)
    result = print_document_for("sale", lambda: _sale_data(sale, copy), sale.receipt_no)
    if not result.get("skipped"):  # no printer configured: nothing was printed, nothing to log
        db.session.add(PrintLog(sale_id=sale.id, ok=result["ok"], copy=copy, error=result["error"] or ""))
        db.session.commit()
    return dict(result, copy=copy)


def printer_configured() -> bool:
    receipts = receipts_module()
    return receipts is not None and receipts.printer_settings().connection != "none"


def print_document_for(kind, build, name=None) -> dict:
    """Render and print (archiving the PDF when enabled); any failure becomes {"ok": False, "error"}."""
    receipts = receipts_module()
    if receipts is None:
        return {"ok": False, "error": "Modul cetak struk belum tersedia."}
    try:
        settings = receipts.printer_settings()
        if settings.connection == "none":  # PDF only: skip rendering a receipt nobody prints
            return {"ok": True, "error": None, "skipped": True}
        document = receipts.render_document(kind, build(), settings.columns)
        outcome = receipts.issue(document, name or kind, settings)
    except Exception as exc:  # noqa: BLE001 - a printer problem must never lose or block the sale
        current_app.logger.exception("cetak %s gagal", kind)
        return {"ok": False, "error": f"Gagal mencetak: {exc}"}
    return {"ok": bool(outcome.ok), "error": None if outcome.ok else (outcome.error or "Gagal mencetak."),
            "skipped": bool(getattr(outcome, "skipped", False))}


def pdf_for(kind, data) -> bytes | None:
    """The document as a PDF the width of the paper, or None without the receipts module."""
    receipts = receipts_module()
    if receipts is None:
        return None
    settings = receipts.printer_settings()
    return receipts.to_pdf_bytes(receipts.render_document(kind, data, settings.columns), settings.paper_mm)


def _sale_data(sale, copy):
    from .receipt_data import sale_receipt_data
    return sale_receipt_data(sale, copy)
