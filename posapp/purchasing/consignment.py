"""Consignment (titip jual): goods received from a producer on their terms, returned unsold, and the
settlement that pays the producer's share of what was sold. Not the koperasi's inventory: no
Persediaan, no HPP. What is owed comes from the stock moves (each sale records the producer's share);
Σ owed per producer equals the Utang konsinyasi account. Add and flush only."""
from datetime import timedelta

from .. import audit, clock
from ..catalog import valued
from ..catalog.models import Product, StockMove
from ..catalog.stock import record_moves
from ..catalog.valuation import valuation as own_stock
from ..extensions import db
from . import numbers
from .consignment_models import ConsignmentSettlement
from .models import Supplier
from .receiving import mark_posted, prepare
from .rules import PurchaseRefused
from ..i18n import _


def _check_terms(line) -> None:
    if line.commission_percent is None and line.unit_cost <= 0:
        raise PurchaseRefused(_('%(name)s: isi harga ke produsen per satuan atau komisi persen.',
                                name=line.name), "lines")
    if line.commission_percent is not None and line.unit_cost:
        raise PurchaseRefused(_('%(name)s: pilih salah satu, harga ke produsen atau komisi persen.',
                                name=line.name), "lines")


def _take_over(product: Product, supplier: Supplier, own_on_hand: dict) -> None:
    if product.consignor_id not in (None, supplier.id):
        raise PurchaseRefused(_('%(name)s sudah dititipkan produsen lain.', name=product.name), "lines")
    if product.consignor_id is None and own_on_hand.get(product.id, 0):
        raise PurchaseRefused(_('%(name)s masih punya stok milik koperasi: habiskan atau pakai produk (SKU) lain '
                                'untuk barang titipan.', name=product.name), "lines")


def receive(purchase, header, user):
    """Post a consignment receipt: the products take the producer's terms, stock moves in at no value."""
    purchase, supplier, day = prepare(purchase, header, user)
    own = {v.product_id: v.on_hand for v in own_stock()}
    products = valued.lock_many(line.product_id for line in purchase.lines)
    for line in purchase.lines:
        _check_terms(line)
        product = products[line.product_id]
        _take_over(product, supplier, own)
        product.consignor_id, product.cost = supplier.id, 0
        product.consign_price = line.unit_cost if line.commission_percent is None else None
        product.consign_percent = line.commission_percent
        line.sku, line.name, line.total = product.sku, product.name, line.qty * line.unit_cost
    purchase.total, purchase.payment, purchase.due_date = sum(x.total for x in purchase.lines), "cash", None
    purchase.doc_no = numbers.next_doc("TJ", day)
    db.session.flush()
    record_moves([(products[x.product_id], x.qty, x.unit_cost) for x in purchase.lines], "titip_in",
                 doc_uuid=purchase.uuid, user=user, business_date=day, note=f"{purchase.doc_no} {supplier.name}")
    mark_posted(purchase, day)
    audit.record("consignment.receive", f"{purchase.doc_no} {supplier.name}: {len(purchase.lines)} baris", user=user)
    return purchase


def _moves(supplier_id, start=None, end=None):
    query = db.select(StockMove).where(StockMove.owner_id == supplier_id)
    if start is not None:
        query = query.where(StockMove.business_date >= start)
    if end is not None:
        query = query.where(StockMove.business_date <= end)
    return query


def owed(through=None) -> dict:
    """{producer id: rupiah owed} on `through` (None: now): shares of sales − refunds − settlements."""
    moves = db.select(StockMove.owner_id, db.func.coalesce(db.func.sum(StockMove.owner_amount), 0)) \
        .where(StockMove.owner_id.is_not(None)).group_by(StockMove.owner_id)
    paid = db.select(ConsignmentSettlement.supplier_id, db.func.sum(ConsignmentSettlement.amount)) \
        .group_by(ConsignmentSettlement.supplier_id)
    if through is not None:
        moves = moves.where(StockMove.business_date <= through)
        paid = paid.where(ConsignmentSettlement.business_date <= through)
    out = {sid: int(amount) for sid, amount in db.session.execute(moves)}
    for sid, amount in db.session.execute(paid):
        out[sid] = out.get(sid, 0) - int(amount)
    return out


def total_owed(through=None) -> int:
    return sum(owed(through).values())


def last_settlement(supplier_id):
    return db.session.scalar(db.select(ConsignmentSettlement).where(ConsignmentSettlement.supplier_id == supplier_id)
                             .order_by(ConsignmentSettlement.period_end.desc(), ConsignmentSettlement.id.desc()).limit(1))


def period_start(supplier_id):
    """The day after the last settled period, or the producer's first move."""
    last = last_settlement(supplier_id)
    if last is not None:
        return last.period_end + timedelta(days=1)
    first = db.session.scalar(db.select(db.func.min(StockMove.business_date)).where(StockMove.owner_id == supplier_id))
    return first or clock.today()


def statement(supplier: Supplier, end) -> dict:
    """The settlement a producer would get for the period up to `end`: per product and the amount due."""
    start = period_start(supplier.id)
    lines = {}
    for move in db.session.scalars(_moves(supplier.id, end=end).order_by(StockMove.id)):
        item = lines.setdefault(move.product_id, {"product": move.product, "received": 0, "sold": 0, "returned": 0,
                                                  "adjusted": 0, "on_hand": 0, "owed": 0})
        item["on_hand"] += move.qty
        if move.business_date < start:
            continue
        key = {"titip_in": "received", "sale": "sold", "refund": "sold", "titip_out": "returned"}.get(move.kind,
                                                                                                  "adjusted")
        item[key] += move.qty if key in ("received", "adjusted") else -move.qty
        item["owed"] += move.owner_amount or 0
    amount = owed(end).get(supplier.id, 0)
    return {"supplier": supplier, "start": start, "end": end, "amount": amount,
            "lines": sorted(lines.values(), key=lambda x: x["product"].name)}


def products_of(supplier_id) -> list:
    return db.session.scalars(db.select(Product).where(Product.consignor_id == supplier_id)
                              .order_by(Product.name)).all()


def producers() -> list[tuple]:
    """(producer, owed now, consigned products) of every producer with consigned goods or money owed."""
    amounts = owed()
    ids = set(amounts) | set(db.session.scalars(db.select(Product.consignor_id).where(
        Product.consignor_id.is_not(None)).distinct()))
    rows = db.session.scalars(db.select(Supplier).where(Supplier.id.in_(ids)).order_by(Supplier.name)).all() if ids else []
    return [(s, amounts.get(s.id, 0), products_of(s.id)) for s in rows]
