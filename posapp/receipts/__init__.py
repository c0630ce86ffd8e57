"""Receipts: layouts in the top-level receipts/ folder → a Document → ESC/POS bytes or a PDF.

The API other features call:
    render_document(kind, data, width) -> Document      kind: sale, refund, samsat, samsat_settlement, shift, test
    to_escpos_bytes(document, settings) -> bytes
    to_pdf_bytes(document, paper_mm) -> bytes
    print_document(document, settings=None) -> PrintResult(ok, error, skipped)   never raises
    printer_settings() -> PrinterSettings               (columns, paper_mm, pdf_archive, …)
    issue(document, name) -> PrintResult                print, and archive the PDF when enabled
    print_document_for(kind, build, name) -> dict       render and print; {"ok", "error", "skipped"}
    pdf_for(kind, data) -> bytes                        a PDF the width of the paper
    archive_pdf(document, name) -> Path
    pdf_response(document, filename) -> flask.Response  (in .views)
"""
from .archive import archive_pdf
from .data import (Payment, PrinterTestData, ReceiptLine, SaleReceiptData, SamsatReceiptData,
                   SamsatSettlementReceiptData, SamsatYear, ShiftReportData, ShopIdentity)
from .document import Document, Row
from .escpos_render import to_escpos_bytes
from .jobs import issue, pdf_for, print_document_for
from .layout import LayoutError, render_document
from .pdf_render import to_pdf_bytes
from .printing import PrintResult, print_document
from .settings import PrinterSettings, printer_settings


__all__ = ["Document", "Row", "LayoutError", "PrintResult", "PrinterSettings", "render_document",
           "to_escpos_bytes", "to_pdf_bytes", "print_document", "printer_settings", "archive_pdf",
           "issue", "print_document_for", "pdf_for", "ShopIdentity", "ReceiptLine", "Payment", "SaleReceiptData", "SamsatYear",
           "SamsatReceiptData", "SamsatSettlementReceiptData", "ShiftReportData", "PrinterTestData"]
