"""The catalogue blueprint: the cashier's barcode API here, the manager's pages in *_views modules."""
from flask import Blueprint, jsonify, request

from ..auth.decorators import role_required
from . import service

bp = Blueprint("catalog", __name__)


def product_json(product):
    return {"id": product.id, "name": product.name, "sku": product.sku, "barcode": product.barcode,
            "unit": product.unit, "price": product.price, "member_price": product.member_price,
            "on_hand": product.on_hand}


@bp.get("/api/produk/barcode/<code>")
@role_required("kasir")
def barcode_lookup(code):
    """The cashier screen's scan: one indexed query; 404 with a message when unknown."""
    product = service.find_by_barcode(code)
    if product is None:
        return jsonify(error=f"Barcode {code} tidak dikenal."), 404
    return jsonify(product_json(product))


def page_arg() -> int:
    """?page=N, at least 1 (a bad value is page 1, not an error)."""
    value = request.args.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1


# The route modules register on `bp`; imported last because they import it from here.
from . import import_views, product_views, stock_views  # noqa: E402,F401
