"""Consigned goods (titip jual) in the catalogue (pure): the producer's share of a sold line.

The terms live on the product (set when a consignment receipt is posted): a price per unit to the
producer, or a commission percentage of the selling price that the koperasi keeps. The share is
what the koperasi owes the producer; the rest of the line is the koperasi's commission.
"""
from ..money import format_number, percent_of


def share(product, qty: int, line_total: int):
    """The producer's rupiah of `qty` sold for `line_total` — None for the koperasi's own goods."""
    if getattr(product, "consignor_id", None) is None:
        return None
    if product.consign_price is not None:
        return product.consign_price * qty
    return line_total - percent_of(line_total, product.consign_percent or 0)


def terms_label(product) -> str:
    if product.consign_price is not None:
        return f"harga ke produsen {format_number(product.consign_price)}"
    return f"komisi {product.consign_percent or 0}%"
