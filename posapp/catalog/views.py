from flask import Blueprint, jsonify

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


@bp.get("/produk")
@role_required("manajer")
def products():
    from flask import render_template
    return render_template("catalog/products.html")


@bp.get("/produk/stok-menipis")
@role_required("manajer")
def low_stock():
    from flask import render_template
    return render_template("catalog/products.html")
