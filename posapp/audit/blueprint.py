"""The audit log page's blueprint; its routes are in audit/views.py."""
from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/audit")
