"""Catalogue queries used by several screens."""
from ..extensions import db
from . import barcodes
from .models import Product


def find_by_barcode(code: str):
    """One indexed query on the unique barcode (UPC-A is stored as its EAN-13)."""
    return db.session.scalar(db.select(Product).where(Product.barcode == barcodes.normalise(code),
                                                      Product.active.is_(True)))
