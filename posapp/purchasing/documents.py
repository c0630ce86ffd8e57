"""Draft purchase documents: the working copy a manager fills by scanning or searching, like the till.

A draft is not a fact yet: its lines change, it may be discarded. Posting it (purchasing.receiving)
makes it one. Add and flush only.
"""
from .. import audit
from ..catalog import service as catalog
from ..catalog.models import Product
from ..database import new_uuid
from ..extensions import db
from ..limits import is_row_id
from .models import Purchase, PurchaseLine, Supplier
from .rules import MAX_LINES, PurchaseRefused
from ..i18n import _

SEARCH_LIMIT = 20


def new_draft(user, kind="purchase", supplier_id=None) -> Purchase:
    supplier = _supplier(supplier_id) if supplier_id else None
    purchase = Purchase(uuid=new_uuid(), kind=kind, status="draft", supplier_id=getattr(supplier, "id", None),
                        created_by_id=getattr(user, "id", None), payment="cash")
    db.session.add(purchase)
    db.session.flush()
    return purchase


def _supplier(supplier_id):
    supplier = db.session.get(Supplier, supplier_id) if is_row_id(supplier_id) else None
    if supplier is None:
        raise PurchaseRefused(_("Pemasok tidak ditemukan."), "supplier_id")
    return supplier


def require_draft(purchase: Purchase) -> None:
    if not purchase.is_draft:
        raise PurchaseRefused(_('Faktur %(doc_no)s sudah diposting dan tidak bisa diubah; koreksi lewat retur '
                                'pembelian.', doc_no=purchase.doc_no), "_")


def find_product(code: str):
    """A scanned barcode or a typed SKU, active products only."""
    code = (code or "").strip()
    if not code:
        return None
    return catalog.find_by_barcode(code) or db.session.scalar(
        db.select(Product).where(Product.sku == code.upper(), Product.active.is_(True)))


def search_products(text: str) -> list:
    text = " ".join((text or "").split())
    if len(text) < 2:
        return []
    like = "%" + text.replace("%", "").replace("_", "") + "%"
    return db.session.scalars(db.select(Product).where(
        Product.active.is_(True), db.or_(Product.name.ilike(like), Product.sku.ilike(like)))
        .order_by(Product.name).limit(SEARCH_LIMIT)).all()


def add_product(purchase: Purchase, product: Product, qty: int = 1, unit_cost=None) -> PurchaseLine:
    """One more of a product: the same product adds to its line (a second scan is qty + 1)."""
    require_draft(purchase)
    for line in purchase.lines:
        if line.product_id == product.id:
            line.qty += qty
            line.total = line.qty * line.unit_cost
            db.session.flush()
            return line
    if len(purchase.lines) >= MAX_LINES:
        raise PurchaseRefused(_('Paling banyak %(n)s baris per faktur.', n=MAX_LINES), "code")
    cost = product.cost if unit_cost is None else unit_cost
    line = PurchaseLine(product_id=product.id, sku=product.sku, name=product.name, qty=qty, unit_cost=cost or 0,
                        total=qty * (cost or 0))
    purchase.lines.append(line)
    db.session.flush()
    return line


def save_draft(purchase: Purchase, header: dict, lines: dict) -> None:
    """Header values and {line id: (qty, unit cost, commission %)}; a quantity of 0 removes the line."""
    require_draft(purchase)
    if header.get("supplier_id"):
        _supplier(header["supplier_id"])
    for key in ("supplier_id", "invoice_no", "invoice_date", "payment", "due_date", "note"):
        setattr(purchase, key, header.get(key))
    for line in list(purchase.lines):
        if line.id not in lines:
            continue
        qty, cost, percent = lines[line.id]
        if qty == 0:
            purchase.lines.remove(line)
            continue
        line.qty, line.unit_cost, line.commission_percent = qty, cost, percent
        line.total = qty * cost
    purchase.total = sum(line.total for line in purchase.lines)
    db.session.flush()


def discard(purchase: Purchase, user=None) -> None:
    require_draft(purchase)
    audit.record("purchase.discard", f"draf {purchase.uuid} ({len(purchase.lines)} baris)", user=user)
    db.session.delete(purchase)
    db.session.flush()


def draft_from_low_stock(user, supplier_id, product_ids) -> Purchase:
    """A draft for one supplier with the chosen low-stock products, each up to twice its minimum stock."""
    products = db.session.scalars(db.select(Product).where(Product.id.in_(list(product_ids)),
                                                           Product.active.is_(True)).order_by(Product.name)).all()
    if not products:
        raise PurchaseRefused(_("Pilih minimal satu produk."), "produk")
    purchase = new_draft(user, supplier_id=supplier_id)
    for product in products:
        add_product(purchase, product, max(2 * product.min_stock - product.on_hand, 1))
    return purchase
