"""The members' blueprint; routes in views.py, money_views.py, import_views.py and api_views.py."""
from flask import Blueprint, request

bp = Blueprint("members", __name__)


def page_arg() -> int:
    value = request.args.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1
