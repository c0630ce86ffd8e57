"""Suppliers (pemasok): pabrik/distributor, pesantren producers, santripreneurs. Add and flush only."""
from .. import audit
from ..database import new_uuid
from ..extensions import db
from .models import Supplier
from .rules import PurchaseRefused
from ..i18n import _

FIELDS = ("name", "kind", "contact_person", "phone", "address", "bank_name", "bank_account", "bank_holder", "note")


def active_suppliers(kind=None) -> list:
    query = db.select(Supplier).where(Supplier.active.is_(True)).order_by(Supplier.name)
    if kind:
        query = query.where(Supplier.kind.in_(kind) if isinstance(kind, (list, tuple)) else Supplier.kind == kind)
    return db.session.scalars(query).all()


def search(q="", include_inactive=False) -> list:
    query = db.select(Supplier).order_by(Supplier.name)
    if q:
        query = query.where(Supplier.name.ilike("%" + q.replace("%", "").replace("_", "") + "%"))
    if not include_inactive:
        query = query.where(Supplier.active.is_(True))
    return db.session.scalars(query.limit(500)).all()


def _check_unique(name, exclude_id=None):
    query = db.select(Supplier.id).where(db.func.lower(Supplier.name) == name.lower())
    if exclude_id is not None:
        query = query.where(Supplier.id != exclude_id)
    if db.session.scalar(query.limit(1)) is not None:
        raise PurchaseRefused(_("Sudah ada pemasok dengan nama ini."), "name")


def create(values: dict, user=None) -> Supplier:
    _check_unique(values["name"])
    supplier = Supplier(uuid=new_uuid(), active=True, **{k: values[k] for k in FIELDS})
    db.session.add(supplier)
    db.session.flush()
    audit.record("supplier.create", f"{supplier.name} ({supplier.kind_label})", user=user)
    return supplier


def update(supplier: Supplier, values: dict, user=None) -> Supplier:
    _check_unique(values["name"], supplier.id)
    changed = [k for k in FIELDS if getattr(supplier, k) != values[k]]
    for key in FIELDS:
        setattr(supplier, key, values[key])
    db.session.flush()
    if changed:
        audit.record("supplier.update", f"{supplier.name}: {', '.join(changed)}", user=user)
    return supplier


def set_active(supplier: Supplier, active: bool, user=None) -> None:
    if supplier.active != active:
        supplier.active = active
        db.session.flush()
        audit.record("supplier.activate" if active else "supplier.deactivate", supplier.name, user=user)
