"""The draft editor's one form: every submit saves the header and the lines first (its own transaction),
then does what was asked — add a scanned or searched product, save, post, or discard the draft."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..catalog.models import Product
from ..edge import transaction
from ..extensions import db
from ..money import MoneyError, parse_rupiah
from ..refusal import Refusal
from ..till.shifts import open_shift_of
from . import consignment, documents, receiving, suppliers
from .models import DOC_KINDS, PAYMENTS
from .receiving import AlreadyPosted
from .rules import PurchaseRefused, clean_header, parse_percent, parse_qty
from ..i18n import _

POSTERS = {"purchase": receiving.post, "consignment": consignment.receive}  # kind -> post(purchase, header, user)


def page(purchase, errors=None, form=None, found=()):
    """The editor: header, scan/search, lines; `form` (after a refusal) shows what was typed."""
    values = form or {}
    return render_template("purchasing/editor.html", purchase=purchase, errors=errors or {}, form=values,
                           found=found, payments=PAYMENTS, kinds=DOC_KINDS, today=clock.today(),
                           suppliers=suppliers.active_suppliers(), drawer=open_shift_of(current_user)), \
        400 if errors else 200


def parse_lines(purchase, form) -> tuple[dict, dict]:
    """{line id: (qty, unit cost, commission %)} from the form, errors per line."""
    lines, errors = {}, {}
    for line in purchase.lines:
        if f"qty_{line.id}" not in form:
            continue
        try:
            qty = parse_qty(form.get(f"qty_{line.id}"))
            cost = parse_rupiah(form.get(f"cost_{line.id}") or "0", field=f"cost_{line.id}")
            percent = parse_percent(form.get(f"pct_{line.id}")) if purchase.kind == "consignment" else None
        except (ValueError, MoneyError) as exc:
            errors[f"line_{line.id}"] = f"{line.name}: {exc}"
            continue
        lines[line.id] = (qty, cost, percent)
    return lines, errors


def act(purchase, user):
    if not purchase.is_draft:
        flash(_('Faktur ini sudah diposting sebagai %(doc_no)s.', doc_no=purchase.doc_no), "warning")
        return redirect(url_for("purchasing.purchase", purchase_id=purchase.id))
    form = request.form
    header, errors = clean_header(form, clock.today())
    lines, line_errors = parse_lines(purchase, form)
    errors.update(line_errors)
    if errors:
        return page(purchase, errors, form)
    try:
        with transaction():
            documents.save_draft(purchase, header, lines)
    except Refusal as refusal:
        return page(purchase, {refusal.field or "_": str(refusal)}, form)
    return _then(purchase, header, user, form)


def _then(purchase, header, user, form):
    action, back = form.get("action", "scan"), url_for("purchasing.purchase", purchase_id=purchase.id)
    try:
        with transaction():
            if form.get("add", "").isdigit():
                documents.add_product(purchase, _product(int(form["add"])))
            elif action == "scan" and form.get("code", "").strip():
                product = documents.find_product(form["code"])
                if product is None:
                    return page(purchase, {"code": _('Barcode/SKU %(strip)s tidak dikenal: cari dengan nama.',
                                                     strip=form['code'].strip())}, None)
                documents.add_product(purchase, product)
            elif action == "scan" and form.get("cari", "").strip():
                return redirect(url_for("purchasing.purchase", purchase_id=purchase.id, cari=form["cari"].strip()))
            elif action == "discard":
                documents.discard(purchase, user)
                flash(_("Draf dihapus."), "success")
                return redirect(url_for("purchasing.purchase_list"))
            elif action == "post":
                POSTERS[purchase.kind](purchase, header, user)
                flash(_('%(kind)s %(doc_no)s diposting.',
                        kind=DOC_KINDS[purchase.kind], doc_no=purchase.doc_no), "success")
            elif action == "save":
                flash(_("Draf disimpan."), "success")
    except AlreadyPosted as refusal:
        flash(str(refusal), "warning")
    except Refusal as refusal:
        return page(purchase, {refusal.field or "_": str(refusal)}, None)
    return redirect(back)


def _product(product_id):
    product = db.session.get(Product, product_id)
    if product is None or not product.active:
        raise PurchaseRefused(_("Produk tidak dikenal atau sudah tidak dijual."), "code")
    return product
