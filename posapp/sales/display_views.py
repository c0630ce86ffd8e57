"""The customer display (a second window facing the customer) and the QRIS with the sale's amount.

The display gets its lines, totals and payment from the cashier screen in the same browser
(BroadcastChannel, localStorage as the fallback): no server round trip per scan. The QRIS picture is
drawn here from the shop's payload (posapp.qris); the cashier still confirms the payment by hand.
"""
from flask import Response, abort, render_template, request
from flask_login import login_required

from .. import qris
from ..shop.service import get_settings
from .blueprint import bp
from .pricing import MAX_TENDER


@bp.get("/layar-pelanggan")
@login_required
def customer_display():
    settings = get_settings()
    return render_template("sales/customer_display.html", has_qris=bool(settings.qris_payload),
                           merchant=_merchant(settings.qris_payload))


def _merchant(payload) -> str:
    try:
        return qris.merchant_name(payload) if payload else ""
    except qris.QrisError:
        return ""


@bp.get("/kasir/qris.svg")
@login_required
def qris_svg():
    """The shop's QRIS as a dynamic QRIS for ?jumlah= rupiah (404 when the shop has none)."""
    payload = get_settings().qris_payload
    amount = request.args.get("jumlah", type=int)
    if not payload or amount is None or not 0 < amount <= MAX_TENDER:
        abort(404)
    try:
        picture = qris.svg(qris.with_amount(payload, amount), scale=5)
    except qris.QrisError:
        abort(404)
    return Response(picture, mimetype="image/svg+xml", headers={"Cache-Control": "private, max-age=600"})
