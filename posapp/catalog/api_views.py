"""The cashier's barcode API (JSON)."""
from flask import jsonify

from ..roles import role_required
from . import service
from .api import product_json
from .blueprint import bp
from ..i18n import _


@bp.get("/api/produk/barcode/<code>")
@role_required("kasir")
def barcode_lookup(code):
    """The cashier screen's scan: one indexed query; 404 with a message when unknown."""
    product = service.find_by_barcode(code)
    if product is None:
        return jsonify(error=_('Barcode %(code)s tidak dikenal.', code=code)), 404
    return jsonify(product_json(product))
