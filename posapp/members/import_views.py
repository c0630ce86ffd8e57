"""Manager page: import members from a CSV file, all rows or none, with a per-row report."""
from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..catalog.csv_import import ImportRefused
from ..edge import transaction
from ..roles import role_required
from . import importing
from .blueprint import bp
from ..i18n import _

SHOWN_ERRORS = 300


def _render(error=None, errors=(), status=200, filename=""):
    return render_template("members/import.html", error=error, errors=list(errors)[:SHOWN_ERRORS],
                           error_count=len(errors), filename=filename, columns=importing.COLUMNS,
                           max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"]), status


@bp.route("/anggota/impor", methods=["GET", "POST"])
@role_required("manajer")
def import_csv():
    if request.method == "GET":
        return _render()
    upload = request.files.get("berkas")
    if upload is None or not upload.filename:
        return _render(_("Pilih berkas CSV yang akan diimpor."), status=400)
    max_bytes = current_app.config["CSV_IMPORT_MAX_BYTES"]
    try:
        with transaction():
            count = importing.import_file(upload.filename, upload.stream.read(max_bytes + 1), max_bytes=max_bytes,
                                          max_rows=current_app.config["CSV_IMPORT_MAX_ROWS"],
                                          mimetype=upload.mimetype or "", user=current_user)
    except importing.RowsRefused as exc:
        return _render(errors=exc.errors, status=400, filename=upload.filename)
    except ImportRefused as exc:
        return _render(str(exc), status=400, filename=upload.filename)
    flash(_('Impor selesai: %(count)s anggota baru.', count=count), "success")
    return redirect(url_for("members.index"))


@bp.get("/anggota/impor/template.csv")
@role_required("manajer")
def import_template():
    return Response(importing.template_csv(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": "attachment; filename=template-anggota.csv"})
