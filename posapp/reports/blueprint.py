"""The books' pages blueprint (buku kas, exports, reports, day close); routes in reports/views.py."""
from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/buku")
