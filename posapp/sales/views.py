"""The cashier screen and its JSON endpoints (scan, search, pay, print)."""
from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from ..auth.approval import require_approval
from ..auth.decorators import role_required
from ..auth.service import AuthError, managers
from ..catalog import service as catalog
from ..catalog.models import Product
from ..extensions import db
from ..refusal import Refusal
from ..shop.service import get_settings
from . import payloads, printing, service, shifts
from .pricing import METHODS, PricingError
from .service import ReplayConflict

bp = Blueprint("sales", __name__)


def fail(exc, status=400):
    """A JSON refusal: the message and the field it belongs to (PIN refusals say so)."""
    body = {"ok": False, "error": str(exc), "field": getattr(exc, "field", None)}
    if isinstance(exc, AuthError):
        body["needs_approval"] = True
        status = 403
    return jsonify(body), status


def product_json(product, member=False):
    return {"id": product.id, "name": product.name, "sku": product.sku, "barcode": product.barcode,
            "unit": product.unit, "price": product.price, "member_price": product.member_price,
            "on_hand": product.on_hand}


@bp.get("/kasir")
@role_required("kasir")
def screen():
    settings = get_settings()
    config = {"discountLimit": settings.discount_limit_percent, "methods": METHODS,
              "allowNegative": settings.allow_negative_stock}
    return render_template("sales/screen.html", shift=shifts.open_shift_of(current_user),
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
def complete():
    """Complete a sale: one transaction, one commit; then print (a failure never loses the sale)."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return fail(PricingError("Data transaksi tidak valid."))
    try:
        sale, warnings, replayed = service.complete_sale(current_user, data)
        result = payloads.sale_result(sale, warnings, replayed)  # before the commit expires the sale
        db.session.commit()
    except AuthError as exc:
        db.session.commit()  # keep the failed-PIN count and its audit entry; nothing else was written
        return fail(exc)
    except ReplayConflict as exc:
        db.session.rollback()
        return fail(exc, 409)
    except Refusal as exc:
        db.session.rollback()
        return fail(exc)
    except IntegrityError:
        db.session.rollback()  # the same UUID committed by a concurrent request: answer with it
        sale = service.find_replay(service.check_uuid(data.get("uuid")), service.request_hash(data))
        if sale is None:
            raise
        result = payloads.sale_result(sale, [], True)
    if not result["replayed"]:
        result["print"] = printing.print_and_log(sale)
    return jsonify(result)


@bp.post("/kasir/api/cetak/<receipt_no>")
@role_required("kasir")
def reprint(receipt_no):
    """Print again: a retry after a failure is the original; after a success, a SALINAN (with PIN)."""
    sale = db.session.scalar(db.select(service.Sale).where(service.Sale.receipt_no == receipt_no))
    if sale is None:
        return fail(PricingError("Struk tidak ditemukan.", "receipt_no"), 404)
    if printing.was_printed(sale):
        try:
            require_approval("sale.reprint", f"cetak ulang {sale.receipt_no}")
        except AuthError as exc:
            db.session.commit()
            return fail(exc)
        db.session.commit()
    return jsonify(print=printing.print_and_log(sale))


from . import refund_views, shift_views  # noqa: E402,F401 - their routes join this blueprint
