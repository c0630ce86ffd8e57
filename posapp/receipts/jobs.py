"""Print or draw one kind of document for a feature: render, print (archiving the PDF), never raise."""
import logging

from .archive import archive_pdf
from .layout import render_document
from .pdf_render import to_pdf_bytes
from .printing import PrintResult, print_document
from .settings import PrinterSettings, printer_settings
from ..i18n import _

log = logging.getLogger(__name__)


def issue(document, name: str, settings: PrinterSettings | None = None) -> PrintResult:
    """Print a receipt and, when the daily archive is on, keep its PDF; never raises."""
    settings = settings or printer_settings()
    result = print_document(document, settings)
    if settings.pdf_archive:
        try:
            archive_pdf(document, name, settings.paper_mm)
        except OSError:  # the archive is a convenience; the sale and the paper receipt matter more
            log.exception("PDF archive of %s failed", name)
    return result


def print_document_for(kind, build, name=None) -> dict:
    """Render `build()` as `kind` and print it: {"ok", "error", "skipped"}; any failure is a result."""
    try:
        settings = printer_settings()
        if settings.connection == "none":  # PDF only: skip rendering a receipt nobody prints
            return {"ok": True, "error": None, "skipped": True}
        document = render_document(kind, build(), settings.columns)
        outcome = issue(document, name or kind, settings)
    except Exception as exc:  # noqa: BLE001 - a printer problem must never lose or block the act
        log.exception("cetak %s gagal", kind)
        return {"ok": False, "error": _('Gagal mencetak: %(exc)s', exc=exc), "skipped": False}
    return {"ok": bool(outcome.ok), "error": None if outcome.ok else (outcome.error or _("Gagal mencetak.")),
            "skipped": bool(outcome.skipped)}


def pdf_for(kind, data) -> bytes:
    """The document as a PDF the width of the paper."""
    settings = printer_settings()
    return to_pdf_bytes(render_document(kind, data, settings.columns), settings.paper_mm)
