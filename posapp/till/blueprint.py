"""The till's blueprint (shift pages); routes in till/views.py."""
from flask import Blueprint

bp = Blueprint("till", __name__)
