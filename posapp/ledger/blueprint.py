"""The ledger's own pages blueprint (chart of accounts, opening balance); routes in ledger/views.py."""
from flask import Blueprint

bp = Blueprint("ledger", __name__, url_prefix="/buku")
