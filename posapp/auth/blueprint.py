"""The accounts blueprint; its routes are in auth/views.py."""
from flask import Blueprint

bp = Blueprint("auth", __name__)
