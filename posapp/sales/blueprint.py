"""The cashier screen's blueprint; routes in sales/views.py and sales/refund_views.py."""
from flask import Blueprint

bp = Blueprint("sales", __name__)
