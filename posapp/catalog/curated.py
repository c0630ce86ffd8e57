"""The hub's curated OPOP catalogue applied to the shop's products (add and flush; the feed page commits).

Matching: the OPOP code is the product's SKU; a barcode held by a different product is a conflict.
The hub wins for the reference fields (name, barcode, category, unit, pesantren, halal certificate).
The shop keeps its own selling price, cost, member price, minimum stock and stock: the hub's
recommended price becomes the selling price only of a product created here, and is otherwise shown
on the product page (`hub_item`) for the manager to decide. A withdrawn item deactivates the product
(never deletes it); an item published again reactivates it only if the withdrawal deactivated it.
"""
from .. import audit
from ..extensions import db
from ..money import format_rupiah
from ..wire.reference import reference
from .curated_rules import REFERENCE_FIELDS, clean_curated, reference_changes
from .models import Product

SYNC = {"user": None, "address": "sinkronisasi"}  # audit: done by the sync, not by a person


class CuratedSkip(Exception):
    """The item cannot be applied (nothing was written): `code` is a sync reason code, `detail` says why."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code, self.detail = code, detail


def check(item: dict) -> tuple[dict, Product | None]:
    """(checked values, the product it applies to or None), or CuratedSkip."""
    values, errors = clean_curated(item)
    if errors:
        raise CuratedSkip("catalogue_invalid", "; ".join(f"{k}: {m}" for k, m in errors.items()))
    product = db.session.scalar(db.select(Product).where(Product.sku == values["code"]))
    holder = None
    if values["barcode"]:
        holder = db.session.scalar(db.select(Product).where(Product.barcode == values["barcode"]))
    if holder is not None and holder is not product:
        if values["active"]:
            raise CuratedSkip("catalogue_barcode_taken", f"barcode {values['barcode']} dipakai produk "
                                                         f"«{holder.name}» ({holder.sku})")
        values["barcode"] = product.barcode if product else None  # a withdrawal still deactivates
    return values, product


def apply_curated(item: dict, previous: dict | None = None) -> str:
    """Upsert one item of the "catalogue" feed; `previous` is the version received before, if any.
    Returns created / updated / withdrawn / reactivated / unchanged; raises CuratedSkip."""
    values, product = check(item)
    values["version"] = item.get("version")
    if product is None:
        return _create(values) if values["active"] else "unchanged"  # a withdrawn item never sold here
    return _update(product, values, previous)


def _create(values: dict) -> str:
    product = Product(**{k: values[k] for k in REFERENCE_FIELDS}, sku=values["code"],
                      price=values["recommended_price"], cost=0, member_price=None, min_stock=0,
                      opop_curated=True, active=True)
    db.session.add(product)
    db.session.flush()
    audit.record("product.curated.create", f"{product.sku} {product.name}: harga "
                 f"{format_rupiah(product.price)} (rekomendasi OPOP v{_version(values)})", **SYNC)
    return "created"


def _update(product: Product, values: dict, previous: dict | None) -> str:
    current = {k: getattr(product, k) for k in REFERENCE_FIELDS}
    changes = reference_changes(current, values)
    if not product.opop_curated:
        changes.insert(0, "menjadi produk kurasi OPOP")
    for key in REFERENCE_FIELDS:
        setattr(product, key, values[key])
    product.opop_curated = True
    outcome = "updated" if changes else "unchanged"
    if not values["active"] and product.active:
        product.active, outcome = False, "withdrawn"
    elif values["active"] and not product.active and previous is not None and previous.get("active") is False:
        product.active, outcome = True, "reactivated"  # only undo what the withdrawal did
    if outcome == "unchanged":
        return outcome
    db.session.flush()
    if changes:
        audit.record("product.curated.update", f"{product.sku} {product.name} (OPOP v{_version(values)}): "
                     + "; ".join(changes), **SYNC)
    if outcome in ("withdrawn", "reactivated"):
        word = "ditarik dari katalog OPOP: nonaktif" if outcome == "withdrawn" else "diterbitkan kembali: aktif"
        audit.record(f"product.curated.{outcome}", f"{product.sku} {product.name} {word}", **SYNC)
    return outcome


def _version(values) -> str:
    return str(values.get("version") or "?")


def hub_item(sku: str):
    """The hub's latest version of a curated product (its recommended price), or None."""
    return reference("catalogue", sku)
