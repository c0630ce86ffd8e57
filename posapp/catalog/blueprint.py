"""The catalogue's blueprint; routes in api_views, product_views, stock_views and import_views."""
from flask import Blueprint

from ..inputs import page_arg  # noqa: F401 - ?page=N for the catalogue's lists: 1…100,000, never an overflow

bp = Blueprint("catalog", __name__)
