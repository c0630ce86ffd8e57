"""The cashier screen and its JSON endpoints (scan, search, pay, print)."""
from flask import jsonify, render_template, request
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..auth.approval import approval_from_request, require_approval
from ..auth.service import managers
from ..catalog import service as catalog
from ..catalog.api import product_json
from ..catalog.models import Product
from ..edge import refusal_json, transaction, writes
from ..extensions import db
from ..inputs import json_object
from ..roles import role_required
from ..shop.service import get_settings
from ..till.shifts import open_shift_of
from ..till.tenders import METHODS
from . import payloads, printing, service
from .blueprint import bp
from .models import Sale
from .pricing import SaleRefused


@bp.get("/kasir")
@role_required("kasir")
def screen():
    settings = get_settings()
    config = {"discountLimit": settings.discount_limit_percent, "methods": METHODS,
              "allowNegative": settings.allow_negative_stock}
    return render_template("sales/screen.html", shift=open_shift_of(current_user),
                           managers=managers(), config=config)


@bp.get("/kasir/api/scan/<code>")
@role_required("kasir")
def scan(code):
    """One indexed query on the barcode (or an exact SKU); 404 with a message when unknown."""
    product = catalog.find_by_barcode(code) or db.session.scalar(
        db.select(Product).where(Product.sku == code.strip().upper(), Product.active.is_(True)))
    if product is None:
        return jsonify(ok=False, error=f"Barcode {code} tidak dikenal.", field="barcode"), 404
    return jsonify(product_json(product))


@bp.get("/kasir/api/cari")
@role_required("kasir")
def search():
    text = (request.args.get("q") or "").strip()
    if len(text) < 2:
        return jsonify(products=[])
    like = f"%{text.replace('%', '').replace('_', '')}%"
    rows = db.session.scalars(db.select(Product).where(
        Product.active.is_(True), db.or_(Product.name.ilike(like), Product.sku.ilike(like)))
        .order_by(Product.name).limit(20)).all()
    return jsonify(products=[product_json(p) for p in rows])


@bp.post("/kasir/api/jual")
@role_required("kasir")
@writes()
def complete():
    """Complete a sale: one transaction, one commit; then print (a failure never loses the sale)."""
    data = json_object()  # NUL, bigints, deep nesting, over-long text: refused here, never a 500
    if not data:
        raise SaleRefused("Data transaksi tidak valid.")
    try:
        with transaction():
            sale, warnings, replayed = service.complete_sale(current_user, data, approval_from_request())
            result = payloads.sale_result(sale, warnings, replayed)  # before the commit expires the sale
    except IntegrityError:
        # the same UUID committed by a concurrent request: answer with that sale
        sale = service.find_replay(service.check_uuid(data.get("uuid")), service.request_hash(data))
        if sale is None:
            raise
        result = payloads.sale_result(sale, [], True)
    if not result["replayed"]:
        result["print"] = printing.print_and_log(sale)  # its log is committed by the edge
    return jsonify(result)


@bp.post("/kasir/api/cetak/<receipt_no>")
@role_required("kasir")
@writes()
def reprint(receipt_no):
    """Print again: a retry after a failure is the original; after a success, a SALINAN (with PIN)."""
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == receipt_no))
    if sale is None:
        return refusal_json(SaleRefused("Struk tidak ditemukan.", "receipt_no"), 404)
    if printing.was_printed(sale):
        with transaction():
            require_approval(current_user, approval_from_request(), "sale.reprint", f"cetak ulang {sale.receipt_no}")
    return jsonify(print=printing.print_and_log(sale))
