"""Province pages for the curated OPOP catalogue: list, add, edit, withdraw (login required)."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from . import catalogue
from ..limits import storable_text
from .admin import bp, page_arg, text_arg
from .extensions import db
from .models import CuratedProduct

STATUSES = {"semua": "Semua", "aktif": "Aktif", "ditarik": "Ditarik"}
EMPTY_FORM = {"category": "Umum", "unit": "pcs", "active": "aktif"}


def form_of(item: CuratedProduct) -> dict:
    values = catalogue.current_values(item)
    return {**{k: "" if v is None else str(v) for k, v in values.items()}, "active": "aktif" if item.active else "ditarik"}


def _item_or_404(code):
    """The item of a URL code; a code PostgreSQL could not even compare (a NUL) is simply not found."""
    return db.get_or_404(CuratedProduct, code if len(code) <= 40 and storable_text(code) else "")


@bp.get("/katalog")
@login_required
def catalogue_list():
    status = request.args.get("status", "semua")
    status = status if status in STATUSES else "semua"
    q = text_arg("q")
    page = db.paginate(catalogue.search(q, status), page=page_arg(), per_page=50,
                       error_out=False)
    return render_template("hub/catalogue.html", page=page, q=q, status=status, statuses=STATUSES)


@bp.route("/katalog/baru", methods=["GET", "POST"])
@login_required
def catalogue_new():
    form, errors = EMPTY_FORM, {}
    if request.method == "POST":
        form = request.form.to_dict()
        item, errors = catalogue.save_form(form, by=current_user.username)
        if not errors:
            db.session.commit()
            flash(f"{item.code} diterbitkan ke katalog OPOP (versi {item.version}).", "success")
            return redirect(url_for("hub_admin.catalogue_edit", code=item.code))
        db.session.rollback()
    return render_template("hub/catalogue_form.html", item=None, form=form, errors=errors,
                           history=[]), 400 if errors else 200


@bp.route("/katalog/ubah/<path:code>", methods=["GET", "POST"])
@login_required
def catalogue_edit(code):
    item = _item_or_404(code)
    form, errors = form_of(item), {}
    if request.method == "POST":
        form = request.form.to_dict()
        saved, errors = catalogue.save_form(form, code=item.code, by=current_user.username)
        if not errors:
            db.session.commit()
            flash(f"{item.code}: versi {saved.version} diterbitkan." if saved else "Tidak ada perubahan.", "success")
            return redirect(url_for("hub_admin.catalogue_edit", code=item.code))
        db.session.rollback()
    return render_template("hub/catalogue_form.html", item=item, form=form, errors=errors,
                           history=catalogue.history(item.code)), 400 if errors else 200


@bp.post("/katalog/status/<path:code>")
@login_required
def catalogue_status(code):
    active = request.form.get("active") == "1"
    _item_or_404(code)
    try:
        item = catalogue.set_active(code, active, by=current_user.username)
    except catalogue.CatalogueError as exc:
        db.session.rollback()
        flash("; ".join(exc.errors.values()), "error")
        return redirect(url_for("hub_admin.catalogue_edit", code=code))
    db.session.commit()
    if item is not None:
        flash(f"{code} " + ("diterbitkan kembali." if active else "ditarik: toko menonaktifkan produknya "
                            "pada sinkronisasi berikutnya."), "success")
    return redirect(url_for("hub_admin.catalogue_edit", code=code))
