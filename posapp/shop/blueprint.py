"""The shop blueprint (setup, home, identity); its routes are in shop/views.py."""
from flask import Blueprint

bp = Blueprint("shop", __name__)
