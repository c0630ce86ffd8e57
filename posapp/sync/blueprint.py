"""The sync page's blueprint; its routes are in sync/views.py."""
from flask import Blueprint

bp = Blueprint("sync", __name__, url_prefix="/sinkronisasi")
