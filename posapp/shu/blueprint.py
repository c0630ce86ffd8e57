"""The SHU blueprint; routes in views.py."""
from flask import Blueprint

bp = Blueprint("shu", __name__)
