"""The Samsat counter's blueprint; routes in samsat/views.py."""
from flask import Blueprint

bp = Blueprint("samsat", __name__, url_prefix="/samsat")
