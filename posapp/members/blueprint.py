"""The members' blueprint; routes in views.py, money_views.py, import_views.py and api_views.py."""
from flask import Blueprint

bp = Blueprint("members", __name__)
