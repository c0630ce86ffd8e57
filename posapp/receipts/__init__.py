"""Receipts: layouts in the top-level receipts/ folder → a Document → ESC/POS bytes or a PDF.

The API other features call:
    render_document(kind, data, width) -> Document      kind: sale, refund, samsat, shift, test
    to_escpos_bytes(document, settings) -> bytes
    to_pdf_bytes(document, paper_mm) -> bytes
    print_document(document, settings=None) -> PrintResult(ok, error, skipped)   never raises
    printer_settings() -> PrinterSettings               (columns, paper_mm, pdf_archive, …)
    issue(document, name) -> PrintResult                print, and archive the PDF when enabled
    archive_pdf(document, name) -> Path
    pdf_response(document, filename) -> flask.Response  (in .views)
"""
import logging

from .archive import archive_pdf
from .data import (Payment, PrinterTestData, ReceiptLine, SaleReceiptData, SamsatReceiptData,
                   SamsatYear, ShiftReportData, ShopIdentity)
from .document import Document, Row
from .escpos_render import to_escpos_bytes
from .layout import LayoutError, render_document
from .pdf_render import to_pdf_bytes
from .printing import PrintResult, print_document
from .settings import PrinterSettings, printer_settings


def issue(document, name: str, settings: PrinterSettings | None = None) -> PrintResult:
    """Print a receipt and, when the daily archive is on, keep its PDF; never raises."""
    settings = settings or printer_settings()
    result = print_document(document, settings)
    if settings.pdf_archive:
        try:
            archive_pdf(document, name, settings.paper_mm)
        except OSError:  # the archive is a convenience; the sale and the paper receipt matter more
            logging.getLogger(__name__).exception("PDF archive of %s failed", name)
    return result


__all__ = ["Document", "Row", "LayoutError", "PrintResult", "PrinterSettings", "render_document",
           "to_escpos_bytes", "to_pdf_bytes", "print_document", "printer_settings", "archive_pdf",
           "issue", "ShopIdentity", "ReceiptLine", "Payment", "SaleReceiptData", "SamsatYear",
           "SamsatReceiptData", "ShiftReportData", "PrinterTestData"]
