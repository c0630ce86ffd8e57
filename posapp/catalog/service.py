"""Catalogue: find, list, create and change products (add and flush; the view commits)."""
from sqlalchemy import func, or_
from sqlalchemy.orm import contains_eager

from .. import audit
from ..extensions import db
from ..money import format_number, format_rupiah
from ..refusal import Refusal
from . import barcodes, search, valued
from .models import Product, StockLevel
from ..i18n import _

PRICE_FIELDS = (("price", "harga"), ("cost", "hpp"), ("member_price", "harga anggota"))
EDITABLE = ("name", "sku", "barcode", "category", "unit", "price", "cost", "member_price", "min_stock",
            "halal_cert", "pesantren", "opop_curated")


class ProductRefused(Refusal):
    """Refused product input: `errors` is {field: message}."""

    def __init__(self, errors):
        super().__init__("; ".join(errors.values()), next(iter(errors), None))
        self.errors = errors


def find_by_barcode(code: str):
    """One indexed query on the unique barcode (UPC-A is stored as its EAN-13)."""
    return db.session.scalar(db.select(Product).where(Product.barcode == barcodes.normalise(code),
                                                      Product.active.is_(True)))


ON_HAND = func.coalesce(StockLevel.on_hand, 0)


def product_query(q="", category="", status="aktif", curated=False, low=False):
    """The product list's query. A barcode or SKU hits its unique index; a name search scans the names
    (tens of milliseconds at 50,000 products); the level comes in the same query (no N+1)."""
    query = db.select(Product).outerjoin(StockLevel, StockLevel.product_id == Product.id)
    q = " ".join((q or "").split())
    exact = _exact_match(q)
    if exact is not None:  # a scanned barcode or a typed SKU: one indexed row, no scan of the names
        query = query.where(Product.id == exact)
    elif q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        by_name = Product.name.ilike(pattern, escape="\\")
        narrowed = search.narrowing_ids(q)  # the name index first: the LIKE then reads a few rows, not all
        if narrowed is not None:
            by_name = Product.id.in_(narrowed) & by_name
        query = query.where(or_(by_name, Product.sku.ilike(pattern, escape="\\")))
    if category:
        query = query.where(Product.category == category)
    if status in ("aktif", "nonaktif"):
        query = query.where(Product.active.is_(status == "aktif"))
    if curated:
        query = query.where(Product.opop_curated.is_(True))
    if low:
        query = query.where(ON_HAND <= Product.min_stock)
    return query.options(contains_eager(Product.level)).order_by(Product.name, Product.id)


def _exact_match(q):
    """The id of the product whose SKU or barcode is exactly `q`, if any."""
    if not q:
        return None
    return db.session.scalar(db.select(Product.id).where(
        or_(Product.sku == q.upper(), Product.barcode == barcodes.normalise(q))).limit(1))


def low_stock_query():
    """Active products at or below their minimum stock, the emptiest first."""
    return (db.select(Product).outerjoin(StockLevel, StockLevel.product_id == Product.id)
            .where(Product.active.is_(True), ON_HAND <= Product.min_stock)
            .options(contains_eager(Product.level)).order_by(ON_HAND - Product.min_stock, Product.name))


def categories() -> list[str]:
    return list(db.session.scalars(db.select(Product.category).distinct().order_by(Product.category)))


def duplicate_errors(values: dict, exclude_id=None) -> dict:
    """SKU and barcode are unique over all products, active or not."""
    errors = {}
    checks = (("sku", Product.sku, "SKU"), ("barcode", Product.barcode, "Barcode"))
    for field, column, label in checks:
        if not values.get(field):
            continue
        query = db.select(Product).where(column == values[field])
        if exclude_id is not None:
            query = query.where(Product.id != exclude_id)
        other = db.session.scalar(query)
        if other is not None:
            errors[field] = _('%(label)s sudah dipakai produk «%(name)s» (%(sku)s).',
                              label=label, name=other.name, sku=other.sku)
    return errors


def create_product(values: dict, user=None) -> Product:
    errors = duplicate_errors(values)
    if errors:
        raise ProductRefused(errors)
    product = Product(**{k: values[k] for k in EDITABLE}, active=True)
    db.session.add(product)
    db.session.flush()
    audit.record("product.create", f"{product.sku} {product.name}: {format_rupiah(product.price)}", user=user)
    return product


def update_product(product: Product, values: dict, user=None) -> Product:
    """Change a product; price, cost and member price changes go to the audit log."""
    errors = duplicate_errors(values, exclude_id=product.id)
    if errors:
        raise ProductRefused(errors)
    changes = price_changes(product, values)
    if values["cost"] != product.cost:  # the moving average of goods on hand: a revaluation, posted
        valued.revalue(product, values["cost"], user=user, note="ubah produk")
    for key in EDITABLE:
        setattr(product, key, values[key])
    db.session.flush()
    if changes:
        audit.record("product.price", f"{product.sku} {product.name}: {changes}", user=user)
    return product


def price_changes(product: Product, values: dict) -> str:
    parts = [f"{label} {format_rupiah(getattr(product, key)) or '—'} → {format_rupiah(values[key]) or '—'}"
             for key, label in PRICE_FIELDS if getattr(product, key) != values[key]]
    return "; ".join(parts)


def set_active(product: Product, active: bool, user=None) -> None:
    """Deactivate or reactivate; products are never deleted (sales and moves point at them)."""
    if product.active == active:
        return
    product.active = active
    db.session.flush()
    audit.record("product.activate" if active else "product.deactivate", f"{product.sku} {product.name}",
                 user=user)


def form_values(product: Product) -> dict:
    """The product as the edit form (and a CSV update) shows it."""
    data = {k: getattr(product, k) for k in EDITABLE}
    data["barcode"] = data["barcode"] or ""
    for key in ("price", "cost", "member_price"):
        data[key] = "" if data[key] is None else format_number(data[key])
    data["opop_curated"] = "ya" if data["opop_curated"] else "tidak"
    return {k: str(v) for k, v in data.items()}
