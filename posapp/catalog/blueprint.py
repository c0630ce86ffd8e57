"""The catalogue's blueprint; routes in api_views, product_views, stock_views and import_views."""
from flask import Blueprint, request

bp = Blueprint("catalog", __name__)


def page_arg() -> int:
    """?page=N, at least 1 (a bad value is page 1, not an error)."""
    value = request.args.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1
