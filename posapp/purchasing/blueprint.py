"""Purchasing's blueprint; routes in supplier_views, purchase_views, debt_views, paper_views (and consignment)."""
from flask import Blueprint

bp = Blueprint("purchasing", __name__)
