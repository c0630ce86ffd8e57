"""The cashier screen and its JSON endpoints (scan, search, pay, print)."""
from flask import jsonify, render_template, request
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..auth.approval import approval_from_request, require_approval
from ..auth.service import managers
from ..catalog import search as catalog_search, service as catalog
from ..catalog.api import product_json
from ..catalog.models import Product
from ..edge import refusal_json, transaction, writes
from ..extensions import db
from ..inputs import json_object
from ..roles import role_required
from ..shop.service import get_settings
from ..till.shifts import day_closed_message, open_shift_of
from ..till.tenders import METHODS
from . import member_tenders, payloads, printing, service
from .blueprint import bp
from .models import Sale
from .pricing import SaleRefused
from ..i18n import _


MAX_CODE = 64     # a barcode or SKU; a longer "scan" is a stuck key or a paste
MAX_SEARCH = 60   # a product name is at most 120 characters; 60 typed ones find it


@bp.get("/kasir")
@role_required("kasir")
def screen():
    settings = get_settings()
    methods = dict(METHODS)
    if settings.qris_payload:  # the shop has its QRIS: it comes first among the non-cash methods
        methods = {"cash": METHODS["cash"], "qris": METHODS["qris"], **methods}
    config = {"discountLimit": settings.discount_limit_percent, "methods": methods,
              "allowNegative": settings.allow_negative_stock, "roundTo": 100 if settings.cash_rounding else 0,
              "qris": bool(settings.qris_payload), "idleMinutes": settings.idle_lock_minutes or 0,
              "shopName": settings.shop_name, "userName": current_user.full_name,
              "username": current_user.username}
    closed = day_closed_message()
    shift = None if closed else open_shift_of(current_user)
    return render_template("sales/screen.html", shift=shift, day_closed=closed, managers=managers(), config=config)


def _closed_day_refusal():
    closed = day_closed_message()
    return (jsonify(ok=False, error=closed, field="shift", day_closed=True), 409) if closed else None


@bp.get("/kasir/api/scan/<path:code>")
@role_required("kasir")
def scan(code):
    """One indexed query on the barcode (or an exact SKU); 404 with a message when unknown."""
    refused = _closed_day_refusal()
    if refused:
        return refused
    code = code.strip()
    if not code or len(code) > MAX_CODE:
        return jsonify(ok=False, error=_("Kode terlalu panjang: pindai sekali lagi."), field="barcode"), 400
    product = catalog.find_by_barcode(code) or db.session.scalar(
        db.select(Product).where(Product.sku == code.upper(), Product.active.is_(True)))
    if product is None:
        card = member_tenders.card_json(code)  # a member card scanned into the same field
        if card is not None:
            return jsonify(card), 200 if card["ok"] else 409
        return jsonify(ok=False, error=_('Barcode %(code)s tidak dikenal.',
                                         code=code), field="barcode", unknown=True), 404
    return jsonify(product_json(product))


@bp.get("/kasir/api/cari")
@role_required("kasir")
def search():
    """Products by name (ranked, through the name index) or by SKU; at most 20."""
    text = (request.args.get("q") or "").strip()[:MAX_SEARCH]
    if len(text) < 2:
        return jsonify(products=[])
    return jsonify(products=[product_json(p) for p in catalog_search.search_products(text, limit=20)])


@bp.post("/kasir/api/jual")
@role_required("kasir")
@writes()
def complete():
    """Complete a sale: one transaction, one commit; then print (a failure never loses the sale)."""
    data = json_object()  # NUL, bigints, deep nesting, over-long text: refused here, never a 500
    if not data:
        raise SaleRefused(_("Data transaksi tidak valid."))
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
        return refusal_json(SaleRefused(_("Struk tidak ditemukan."), "receipt_no"), 404)
    if printing.was_printed(sale):
        with transaction():
            require_approval(current_user, approval_from_request(), "sale.reprint", f"cetak ulang {sale.receipt_no}")
    return jsonify(print=printing.print_and_log(sale))
