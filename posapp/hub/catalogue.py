"""The province's curated OPOP catalogue: every change is a new version on the "catalogue" feed.

Add and flush only; the page or the command commits. An unchanged item publishes nothing, so
sending the same CSV twice gives the shops nothing new.
"""
from sqlalchemy import or_

from ..catalog.curated_rules import FIELDS, clean_curated
from ..limits import storable_text
from .extensions import db
from .feeds import publish
from .models import CuratedProduct, RefChange
from .security import hub_now

PUBLISHED = FIELDS[1:]  # everything but the code, which is the feed key


class CatalogueError(ValueError):
    """Refused item: `errors` is {field: message} in Bahasa Indonesia."""

    def __init__(self, errors):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def unstorable(data) -> dict:
    """{field: message} for texts PostgreSQL cannot hold (a NUL): refused before any query sees them."""
    return {k: "Teks berisi karakter yang tidak bisa disimpan (NUL)." for k, v in data.items()
            if isinstance(v, str) and not storable_text(v)}


def current_values(item: CuratedProduct | None) -> dict:
    return {k: getattr(item, k) for k in FIELDS} if item else {}


def payload_of(item: CuratedProduct) -> dict:
    """What the shops receive: the item's fields, its code and its version."""
    return {**current_values(item), "version": item.version}


def barcode_owner(barcode, code):
    """The other curated item holding `barcode` (withdrawn ones too: shops keep them), or None."""
    if not barcode:
        return None
    return db.session.scalar(db.select(CuratedProduct).where(CuratedProduct.barcode == barcode,
                                                             CuratedProduct.code != code))


def save_item(values: dict, by: str = "") -> CuratedProduct | None:
    """Publish checked `values` as the item's next version; None when nothing changed."""
    if unstorable(values):
        raise CatalogueError(unstorable(values))
    other = barcode_owner(values.get("barcode"), values["code"])
    if other is not None:
        raise CatalogueError({"barcode": f"Barcode sudah dipakai produk kurasi {other.code} «{other.name}»."})
    item = db.session.get(CuratedProduct, values["code"], with_for_update=True)
    if item is not None and all(getattr(item, k) == values[k] for k in PUBLISHED):
        return None
    if item is None:
        item = CuratedProduct(code=values["code"], version=0)
        db.session.add(item)
    for key in PUBLISHED:
        setattr(item, key, values[key])
    item.version += 1
    item.updated_by, item.updated_at = by, hub_now()
    db.session.flush()
    item.feed_seq = publish("catalogue", item.code, payload_of(item)).seq
    return item


def save_form(form, code=None, by="") -> tuple[CuratedProduct | None, dict]:
    """Check and publish one item from the admin form; (item or None, errors)."""
    data = {**form, "code": code} if code else form
    if unstorable(data):
        return None, unstorable(data)
    values, errors = clean_curated(data)
    if not errors and code is None and db.session.get(CuratedProduct, values["code"]) is not None:
        errors["code"] = f"Kode {values['code']} sudah ada: ubah produk itu."
    if errors:
        return None, errors
    try:
        return save_item(values, by), {}
    except CatalogueError as exc:
        return None, exc.errors


def set_active(code: str, active: bool, by: str = "") -> CuratedProduct | None:
    """Withdraw (or publish again) an item: a new version, never a deletion."""
    item = db.get_or_404(CuratedProduct, code)
    return save_item({**current_values(item), "active": active}, by)


def search(q: str = "", status: str = "semua"):
    query = db.select(CuratedProduct).order_by(CuratedProduct.name, CuratedProduct.code)
    q = " ".join((q or "").split())
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(CuratedProduct.name.ilike(pattern, escape="\\"),
                                CuratedProduct.code.ilike(pattern, escape="\\"), CuratedProduct.barcode == q))
    if status in ("aktif", "ditarik"):
        query = query.where(CuratedProduct.active.is_(status == "aktif"))
    return query


def history(code: str) -> list[RefChange]:
    """Every published version of one item, newest first."""
    return db.session.scalars(db.select(RefChange).where(RefChange.stream == "catalogue", RefChange.key == code)
                              .order_by(RefChange.seq.desc())).all()
