"""Manager pages: purchase documents — the list, a new draft, the draft editor (scan, search, lines,
post), a posted document, and a draft from the low-stock list."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..catalog import service as catalog
from ..catalog.blueprint import page_arg
from ..catalog.models import Product
from ..edge import transaction
from ..extensions import db
from ..limits import is_row_id
from ..refusal import Refusal
from ..roles import role_required
from ..till.shifts import open_shift_of
from . import documents, editor, suppliers
from .blueprint import bp
from .models import DOC_KINDS, PAYMENTS, Purchase
from .returns import returns_of
from ..i18n import _


@bp.get("/pembelian")
@role_required("manajer")
def purchase_list():
    status, kind = request.args.get("status", ""), request.args.get("jenis", "")
    query = db.select(Purchase).order_by(Purchase.status.desc(), Purchase.id.desc())
    if status in ("draft", "posted"):
        query = query.where(Purchase.status == status)
    if kind in DOC_KINDS:
        query = query.where(Purchase.kind == kind)
    page = db.paginate(query, page=page_arg(), per_page=50, error_out=False)
    return render_template("purchasing/purchases.html", page=page, status=status, kind=kind, kinds=DOC_KINDS,
                           payments=PAYMENTS)


@bp.get("/produk/<int:product_id>/terima")
@role_required("manajer")
def receive_product(product_id):
    """Yesterday's one-product "terima barang" is a line of a purchase document now."""
    return redirect(url_for("purchasing.new_purchase", produk=product_id))


@bp.route("/pembelian/baru", methods=["GET", "POST"])
@role_required("manajer")
def new_purchase():
    product_id = request.values.get("produk", type=int)
    product = db.session.get(Product, product_id) if is_row_id(product_id) else None
    kind = request.values.get("jenis", "consignment" if product is not None and product.consigned else "purchase")
    if request.method == "GET":
        return render_template("purchasing/new.html", product=product, kind=kind, kinds=DOC_KINDS,
                               suppliers=suppliers.active_suppliers())
    try:
        with transaction():
            purchase = documents.new_draft(current_user, kind if kind in DOC_KINDS else "purchase",
                                           request.form.get("supplier_id", type=int))
            if product is not None:
                documents.add_product(purchase, product)
    except Refusal as refusal:
        flash(str(refusal), "error")
        return redirect(url_for("purchasing.new_purchase", produk=product_id, jenis=kind))
    return redirect(url_for("purchasing.purchase", purchase_id=purchase.id))


def _purchase(purchase_id) -> Purchase:
    return db.session.get(Purchase, purchase_id) or abort(404)


@bp.get("/pembelian/<int:purchase_id>")
@role_required("manajer")
def purchase(purchase_id):
    purchase = _purchase(purchase_id)
    if not purchase.is_draft:
        return render_template("purchasing/purchase.html", purchase=purchase, payments=PAYMENTS,
                               returns=returns_of(purchase), kinds=DOC_KINDS)
    return editor.page(purchase, found=documents.search_products(request.args.get("cari", "")))


@bp.post("/pembelian/<int:purchase_id>")
@role_required("manajer")
def purchase_act(purchase_id):
    return editor.act(_purchase(purchase_id), current_user)


@bp.route("/pembelian/stok-menipis", methods=["GET", "POST"])
@role_required("manajer")
def draft_from_low_stock():
    if request.method == "GET":
        page = db.paginate(catalog.low_stock_query(), page=page_arg(),
                           per_page=current_app.config["PRODUCTS_PER_PAGE"], error_out=False)
        return render_template("purchasing/low_stock.html", page=page, suppliers=suppliers.active_suppliers(),
                               drawer=open_shift_of(current_user), today=clock.today())
    ids = [int(x) for x in request.form.getlist("produk") if x.isascii() and x.isdigit() and is_row_id(int(x))]
    try:
        with transaction():
            purchase = documents.draft_from_low_stock(current_user, request.form.get("supplier_id", type=int), ids)
    except Refusal as refusal:
        flash(str(refusal), "error")
        return redirect(url_for("purchasing.draft_from_low_stock"))
    flash(_('Draf pembelian dibuat dengan %(count)s produk: periksa jumlah dan harga, lalu posting.', count=len(purchase.lines)),
          "success")
    return redirect(url_for("purchasing.purchase", purchase_id=purchase.id))
