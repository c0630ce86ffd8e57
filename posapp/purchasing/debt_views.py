"""Manager pages: debts by due date (utang usaha), paying a supplier, returning goods to a supplier."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..database import new_uuid
from ..edge import writes
from ..extensions import db
from ..money import MoneyError, parse_rupiah
from ..roles import role_required
from ..till.shifts import open_shift_of
from . import debts, returns
from .blueprint import bp
from .models import Purchase, Supplier
from .payment_models import SETTLES, VIAS, SupplierPayment
from .rules import PurchaseRefused, parse_qty, text
from ..i18n import _


@bp.get("/pembelian/utang")
@role_required("manajer")
def debt_list():
    invoices = debts.open_invoices()
    return render_template("purchasing/debts.html", invoices=invoices, by_supplier=debts.by_supplier(),
                           total=sum(a for _, a in invoices), today=clock.today())


def _payment_page(supplier, errors=None, form=None):
    invoices = debts.open_invoices(supplier.id)
    form = form if form is not None else {"doc_uuid": new_uuid(), "via": "bank" if supplier.bank_account else "cash"}
    recent = db.session.scalars(db.select(SupplierPayment).where(SupplierPayment.supplier_id == supplier.id)
                                .order_by(SupplierPayment.id.desc()).limit(10)).all()
    return render_template("purchasing/pay.html", supplier=supplier, invoices=invoices, form=form,
                           errors=errors or {}, vias=VIAS, drawer=open_shift_of(current_user), recent=recent), \
        400 if errors else 200


def _supplier():
    return db.session.get(Supplier, request.view_args["supplier_id"]) or abort(404)


@bp.route("/pemasok/<int:supplier_id>/bayar", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _payment_page(_supplier(), {refusal.field or "_": str(refusal)}, request.form))
def pay_supplier(supplier_id):
    supplier = _supplier()
    if request.method == "GET":
        return _payment_page(supplier)
    amounts, errors = {}, {}
    for key, value in request.form.items():
        if key.startswith("bayar_") and key[6:].isdigit() and value.strip():
            try:
                amounts[int(key[6:])] = parse_rupiah(value, field=key)
            except MoneyError as exc:
                errors[key] = str(exc)
    if errors:
        return _payment_page(supplier, errors, request.form)
    payment, replayed = debts.pay(current_user, supplier, amounts, request.form.get("via", ""),
                                  doc_uuid=request.form.get("doc_uuid") or None,
                                  reference=text(request.form.get("reference"), 60),
                                  note=text(request.form.get("note"), 1000),
                                  from_drawer=request.form.get("from_drawer") == "1")
    flash(_("Pembayaran %(no)s sudah tersimpan sebelumnya.", no=payment.doc_no) if replayed else
          _("Pembayaran %(no)s dicatat.", no=payment.doc_no),
          "warning" if replayed else "success")
    return redirect(url_for("purchasing.payment_paper", doc_no=payment.doc_no))


def _return_page(purchase, errors=None, form=None):
    done = returns.returned_qty(purchase)
    form = form if form is not None else {"doc_uuid": new_uuid(),
                                          "settle": "credit" if debts.open_of(purchase) else "cash"}
    return render_template("purchasing/return.html", purchase=purchase, done=done, form=form, errors=errors or {},
                           settles=SETTLES, open_amount=debts.open_of(purchase),
                           drawer=open_shift_of(current_user)), 400 if errors else 200


def _purchase():
    return db.session.get(Purchase, request.view_args["purchase_id"]) or abort(404)


@bp.route("/pembelian/<int:purchase_id>/retur", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _return_page(_purchase(), {refusal.field or "_": str(refusal)}, request.form))
def purchase_return(purchase_id):
    purchase = _purchase()
    if purchase.is_draft:
        return redirect(url_for("purchasing.purchase", purchase_id=purchase.id))
    if request.method == "GET":
        return _return_page(purchase)
    quantities = {}
    for line in purchase.lines:
        raw = request.form.get(f"qty_{line.id}", "").strip()
        if raw:
            try:
                quantities[line.id] = parse_qty(raw)
            except ValueError as exc:
                raise PurchaseRefused(_('%(name)s: %(error)s', name=line.name, error=exc), f"qty_{line.id}") from None
    ret, replayed = returns.return_goods(current_user, purchase, quantities, request.form.get("settle", ""),
                                         doc_uuid=request.form.get("doc_uuid") or None,
                                         note=text(request.form.get("note"), 1000),
                                         from_drawer=request.form.get("from_drawer") == "1")
    flash(_("Retur %(no)s sudah tersimpan sebelumnya.", no=ret.doc_no) if replayed else
          _("Retur %(no)s dicatat.", no=ret.doc_no),
          "warning" if replayed else "success")
    return redirect(url_for("purchasing.purchase", purchase_id=purchase.id))
