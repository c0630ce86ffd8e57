"""CSV import into the database: all rows or none (flush only; the view commits or rolls back)."""
from dataclasses import dataclass, field

from .. import audit, clock
from ..extensions import db
from ..ledger import acts
from . import csv_import, valued
from .inventory import AlreadySaved, StockRefused
from ..refusal import Refusal
from .barcodes import normalise
from .models import Product
from .service import EDITABLE, form_values, price_changes
from .stock import document_exists
from ..i18n import _

CHUNK = 500  # stays under SQLite's bound-parameter limit


class RowsRefused(Refusal):
    """Rows of the file are wrong: nothing is saved; `errors` lists (row, column, message)."""

    def __init__(self, errors):
        super().__init__(_('%(count)s kesalahan di berkas; tidak ada yang disimpan.', count=len(errors)))
        self.errors = errors


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    opening_stock: int = 0
    errors: list = field(default_factory=list)  # (row, column, message); nothing saved when not empty


def snapshot(rows):
    """The database as the rows need it: products by SKU and barcode owners, in chunked IN queries."""
    skus = sorted({(r.data.get("sku") or "").strip().upper() for r in rows} - {""})
    products = {}
    for i in range(0, len(skus), CHUNK):
        for product in db.session.scalars(db.select(Product).where(Product.sku.in_(skus[i:i + CHUNK]))):
            products[product.sku] = product
    codes = sorted({c for c in (_barcode(r.data.get("barcode")) for r in rows) if c})
    owners = {}
    for i in range(0, len(codes), CHUNK):
        owners.update(db.session.execute(db.select(Product.barcode, Product.sku)
                                         .where(Product.barcode.in_(codes[i:i + CHUNK]))).all())
    return products, owners


def _barcode(raw):
    return normalise(raw) if raw else ""


def import_file(filename, content: bytes, doc_uuid: str, *, max_bytes: int, max_rows: int, mimetype="",
                user=None) -> Outcome:
    """Validate every row first; save only when no row has an error."""
    if not doc_uuid:
        raise StockRefused(_("Formulir tidak lengkap: muat ulang halaman."))
    if document_exists(doc_uuid):
        raise AlreadySaved()
    rows = csv_import.read_csv(csv_import.decode(filename, content, max_bytes, mimetype), max_rows)
    products, owners = snapshot(rows)
    checked = csv_import.check_rows(rows, {sku: form_values(p) for sku, p in products.items()}, owners)
    outcome = Outcome(errors=checked.errors)
    if checked.errors:
        return outcome
    openings = []
    for number, sku, values, opening, is_new in checked.products:
        product = products.get(sku)
        if is_new:
            product = Product(**{k: values[k] for k in EDITABLE}, active=True)
            db.session.add(product)
            outcome.created += 1
        else:
            change = price_changes(product, values)
            if change:
                audit.record("product.price", f"{product.sku} {product.name} (impor): {change}", user=user)
            if values["cost"] != product.cost:  # the average of goods on hand: a revaluation, posted
                valued.revalue(product, values["cost"], user=user, note="impor CSV")
            for key in EDITABLE:
                setattr(product, key, values[key])
            outcome.updated += 1
        if opening:
            openings.append((product, opening))
    db.session.flush()  # one flush gives the new products their ids
    day, value = clock.today(), 0
    for product, opening in openings:  # stock at go-live, at its cost: Dr Persediaan / Cr Modal saldo awal
        value += valued.move_valued(product, opening, opening * product.cost, "receive", unit_cost=product.cost,
                                    note="Stok awal (impor CSV)", doc_uuid=doc_uuid, business_date=day,
                                    user=user).stock_change
    if value:
        acts.post_opening_stock(uuid=doc_uuid, business_date=day, stock=value, doc_no="IMPOR-CSV", user=user,
                                note=f"impor {filename}"[:100])
    outcome.opening_stock = len(openings)
    audit.record("product.import", f"{filename}: {outcome.created} baru, {outcome.updated} diperbarui, "
                 f"{outcome.opening_stock} dengan stok awal", user=user)
    return outcome

