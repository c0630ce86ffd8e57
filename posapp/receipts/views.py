"""Printer settings page (admin): connection, paper, cut, drawer, "Tes cetak"; receipt PDF helper."""
from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..edge import writes
from ..roles import role_required
from ..shop.service import get_settings, save_settings
from . import settings as printer_config
from .data import PrinterTestData, ShopIdentity
from .layout import render_document
from .pdf_render import to_pdf_bytes
from .blueprint import bp
from .printing import print_document
from ..i18n import _


def pdf_response(document, filename: str, paper_mm=None, download=True) -> Response:
    """A receipt as a PDF response (for the sales history's "Unduh PDF")."""
    disposition = "attachment" if download else "inline"
    return Response(to_pdf_bytes(document, paper_mm), mimetype="application/pdf",
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


def sample_document(settings):
    data = PrinterTestData(shop=ShopIdentity.from_settings(get_settings()), printed_at=clock.now(),
                           connection=settings.label, paper_mm=settings.paper_mm)
    return render_document("test", data, settings.columns)


@bp.route("/pengaturan/printer", methods=["GET", "POST"])
@role_required("admin")
@writes()
def printer_settings():
    form, errors, failure = printer_config.form_values(get_settings()), {}, None
    if request.method == "POST":
        form = request.form
        values, errors = printer_config.clean_form(request.form)
        if not errors and request.form.get("action") == "test":
            failure = _test_print(printer_config.PrinterSettings.from_values(values))
        elif not errors:
            save_settings(values, actor=current_user)
            flash(_("Pengaturan printer tersimpan."), "success")
            return redirect(url_for("receipts.printer_settings"))
    status = 400 if errors else 200
    return render_template("receipts/printer_settings.html", form=form, errors=errors, failure=failure,
                           connections=printer_config.CONNECTIONS), status


def _test_print(settings):
    """Print the test page with the settings on the form (saved or not); the error or None."""
    result = print_document(sample_document(settings), settings)
    if result.skipped:
        flash(_("Tanpa printer: tidak ada yang dicetak. Lihat contoh PDF-nya."), "info")
    elif result.ok:
        flash(_("Tes cetak terkirim ke printer. Periksa hasilnya di kertas."), "success")
    return result.error


@bp.get("/pengaturan/printer/contoh.pdf")
@role_required("admin")
def sample_pdf():
    settings = printer_config.printer_settings()
    return pdf_response(sample_document(settings), "tes-cetak.pdf", settings.paper_mm, download=False)
