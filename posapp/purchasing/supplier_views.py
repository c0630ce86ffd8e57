"""Manager pages: the supplier list, a new supplier, a supplier's card (edit, debts, purchases)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..edge import writes
from ..extensions import db
from ..roles import role_required
from . import debts, suppliers
from .blueprint import bp
from .models import SUPPLIER_KINDS, Purchase, Supplier
from .rules import clean_supplier
from ..i18n import _


@bp.get("/pemasok")
@role_required("manajer")
def supplier_list():
    q = (request.args.get("q") or "").strip()
    rows = suppliers.search(q, include_inactive=request.args.get("semua") == "1")
    owed = {s.id: amount for s, amount, _ in debts.by_supplier() if s is not None}
    return render_template("purchasing/suppliers.html", rows=rows, q=q, owed=owed, kinds=SUPPLIER_KINDS)


def _form_page(supplier, form, errors):
    context = {"supplier": supplier, "form": form, "errors": errors, "kinds": SUPPLIER_KINDS}
    if supplier is not None:
        context["invoices"] = debts.open_invoices(supplier.id)
        context["purchases"] = db.session.scalars(db.select(Purchase).where(Purchase.supplier_id == supplier.id)
                                                  .order_by(Purchase.id.desc()).limit(30)).all()
    return render_template("purchasing/supplier_form.html", **context), 400 if errors else 200


def _values(supplier) -> dict:
    return {k: getattr(supplier, k) or "" for k in suppliers.FIELDS}


def _again(supplier_of):
    return lambda refusal: _form_page(supplier_of(), request.form, {refusal.field or "_": str(refusal)})


@bp.route("/pemasok/baru", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=_again(lambda: None))
def supplier_new():
    if request.method == "GET":
        return _form_page(None, {"kind": request.args.get("jenis", "pabrik")}, {})
    values, errors = clean_supplier(request.form)
    if errors:
        return _form_page(None, request.form, errors)
    supplier = suppliers.create(values, current_user)
    flash(_('Pemasok %(name)s ditambahkan.', name=supplier.name), "success")
    return redirect(url_for("purchasing.supplier_edit", supplier_id=supplier.id))


@bp.route("/pemasok/<int:supplier_id>", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=_again(lambda: db.session.get(Supplier, request.view_args["supplier_id"])))
def supplier_edit(supplier_id):
    supplier = db.session.get(Supplier, supplier_id) or abort(404)
    if request.method == "GET":
        return _form_page(supplier, _values(supplier), {})
    values, errors = clean_supplier(request.form)
    if errors:
        return _form_page(supplier, request.form, errors)
    suppliers.update(supplier, values, current_user)
    flash(_("Data pemasok tersimpan."), "success")
    return redirect(url_for("purchasing.supplier_edit", supplier_id=supplier.id))


@bp.post("/pemasok/<int:supplier_id>/status")
@role_required("manajer")
@writes()
def supplier_set_active(supplier_id):
    supplier = db.session.get(Supplier, supplier_id) or abort(404)
    suppliers.set_active(supplier, request.form.get("active") == "1", current_user)
    flash(f"Pemasok {supplier.name} " + ("diaktifkan." if supplier.active else "dinonaktifkan."), "success")
    return redirect(url_for("purchasing.supplier_edit", supplier_id=supplier.id))
