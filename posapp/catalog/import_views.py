"""Manager page: import products from a CSV file, all rows or none."""
from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..roles import role_required
from ..database import new_uuid
from ..edge import transaction
from . import csv_import, importing
from .inventory import StockRefused
from .blueprint import bp
from ..i18n import _

MAX_BYTES_DEFAULT = 2 * 1024 * 1024
SHOWN_ERRORS = 300  # the report stays readable; the count says how many more


def _render(error=None, errors=(), status=200, filename=""):
    return render_template("catalog/import.html", error=error, errors=list(errors)[:SHOWN_ERRORS],
                           error_count=len(errors), filename=filename, doc_uuid=new_uuid(),
                           columns=csv_import.COLUMNS, required=csv_import.REQUIRED,
                           max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"], max_bytes=_max_bytes()), status


def _max_bytes() -> int:
    return current_app.config.get("CSV_IMPORT_MAX_BYTES", MAX_BYTES_DEFAULT)


@bp.route("/produk/impor", methods=["GET", "POST"])
@role_required("manajer")
def import_csv():
    if request.method == "GET":
        return _render()
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _render(_("Pilih berkas CSV yang akan diimpor."), status=400)
    content = upload.stream.read(_max_bytes() + 1)
    try:
        with transaction():
            outcome = importing.import_file(upload.filename, content, request.form.get("doc_uuid", ""),
                                            max_bytes=_max_bytes(), mimetype=upload.mimetype or "",
                                            max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"], user=current_user)
            if outcome.errors:  # all rows or none: one bad row refuses the file
                raise importing.RowsRefused(outcome.errors)
    except importing.RowsRefused as exc:
        return _render(errors=exc.errors, status=400, filename=upload.filename)
    except (csv_import.ImportRefused, StockRefused) as exc:
        return _render(str(exc), status=400, filename=upload.filename)
    flash(_('Impor selesai: %(created)s produk baru, %(updated)s diperbarui, %(opening_stock)s dengan stok awal.',
            created=outcome.created, updated=outcome.updated, opening_stock=outcome.opening_stock), "success")
    return redirect(url_for("catalog.products"))


@bp.get("/produk/impor/template.csv")
@role_required("manajer")
def import_template():
    return Response(csv_import.template_csv(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=template-produk.csv"})
