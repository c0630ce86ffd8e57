"""The printer settings page's blueprint; routes in receipts/views.py."""
from flask import Blueprint

bp = Blueprint("receipts", __name__)
