"""The wallets' blueprint; routes in views.py."""
from flask import Blueprint

bp = Blueprint("wallet", __name__)
