"""Valued stock moves: the product's moving average kept with each move, in the caller's transaction.

The arithmetic is catalog.costing; this module locks the product, reads its stock, sets `product.cost`
(the average) and records the move. The caller posts the journal entry with the returned `Costed`
(a purchase, a return of sold goods) — or uses the acts below that post their own (adjustment,
opname, revaluation, opening stock). Add and flush only.
"""
from sqlalchemy import bindparam
from sqlalchemy.orm.attributes import set_committed_value

from .. import clock
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from . import costing
from .models import Product, StockLevel
from .stock import insert_rows, on_hand, record_move


def lock(product: Product) -> Product:
    """The product's row locked for the rest of the transaction (PostgreSQL; SQLite has one writer), fresh."""
    db.session.flush()
    return db.session.scalar(db.select(Product).where(Product.id == product.id).with_for_update(of=Product)
                             .execution_options(populate_existing=True))


def move_valued(product: Product, qty: int, value: int, kind: str, *, unit_cost=None, doc_uuid=None,
                business_date=None, user=None, reason="", note="") -> costing.Costed:
    """`qty` units (signed) worth `value` rupiah (signed) in or out: the new average, the move."""
    product = lock(product)
    if product.consigned:
        raise ValueError(f"{product.sku} is consigned: not the koperasi's stock")
    costed = costing.move(on_hand(product.id), product.cost or 0, qty, value)
    product.cost = costed.avg_after
    record_move(product, qty, kind, unit_cost=unit_cost, doc_uuid=doc_uuid, business_date=business_date,
                user=user, reason=reason, note=note)
    return costed


def lock_many(product_ids) -> dict:
    """{id: product} locked and fresh, in id order (two documents never wait on each other crosswise)."""
    db.session.flush()
    ids = sorted(set(product_ids))
    return {p.id: p for p in db.session.scalars(
        db.select(Product).where(Product.id.in_(ids)).order_by(Product.id).with_for_update(of=Product)
        .execution_options(populate_existing=True))}


def move_many(items, kind: str, *, doc_uuid, business_date, user=None, note="", locked=None) -> list[costing.Costed]:
    """[(product, qty, value, unit_cost)] of one document (a purchase, its return) in a few statements:
    lock (unless the caller has: `locked`), read the levels, insert the moves, one upsert; the averages
    follow line by line."""
    products = locked if locked is not None else lock_many(p.id for p, _, _, _ in items)
    levels = dict(db.session.execute(db.select(StockLevel.product_id, StockLevel.on_hand)
                                     .where(StockLevel.product_id.in_(list(products)))).all())
    state = {pid: (levels.get(pid, 0), p.cost or 0) for pid, p in products.items()}
    rows, results = [], []
    for product, qty, value, unit_cost in items:
        costed = costing.move(*state[product.id], qty, value)
        state[product.id] = (costed.on_hand_after, costed.avg_after)
        rows.append({"product_id": product.id, "qty": qty, "kind": kind, "reason": "", "note": note,
                     "unit_cost": unit_cost, "doc_uuid": doc_uuid, "user_id": getattr(user, "id", None),
                     "business_date": business_date, "avg_cost": costed.avg_after})
        results.append(costed)
    _set_costs({pid: avg for pid, (_, avg) in state.items() if avg != (products[pid].cost or 0)}, products)
    insert_rows(rows, list(products.values()))
    return results


_SET_COST = (Product.__table__.update().where(Product.__table__.c.id == bindparam("pid"))
             .values(cost=bindparam("cost"), updated_at=bindparam("at")))


def _set_costs(costs: dict, products: dict) -> None:
    """New averages in one executemany (a 50-line purchase: one statement, not a unit-of-work flush)."""
    if not costs:
        return
    at = clock.now()
    db.session.flush()
    db.session.connection().execute(_SET_COST, [{"pid": pid, "cost": cost, "at": at} for pid, cost in costs.items()])
    for pid, cost in costs.items():
        set_committed_value(products[pid], "cost", cost)
        set_committed_value(products[pid], "updated_at", at)


def move_at_average(product: Product, qty: int, kind: str, **fields) -> costing.Costed:
    """Goods in or out at the average (adjustment, opname): the average stays; Persediaan moves qty × avg.
    Consigned goods move at no value: they are the producer's (the settlement shows what is on hand)."""
    product = lock(product)
    if product.consigned:
        record_move(product, qty, kind, **fields)
        return costing.Costed(on_hand(product.id), 0, 0, 0, 0)
    costed = costing.at_average(on_hand(product.id), product.cost or 0, qty)
    record_move(product, qty, kind, unit_cost=product.cost or 0, **fields)
    return costed


def adjust_valued(product, qty, kind, doc_uuid, *, reason="", note="", user=None, doc_no=""):
    """One adjustment at the average with its journal entry (Persediaan against Selisih persediaan)."""
    day = clock.today()
    costed = move_at_average(product, qty, kind, doc_uuid=doc_uuid, business_date=day, user=user,
                             reason=reason, note=note)
    acts.post_stock_difference(uuid=doc_uuid, business_date=day, stock=costed.stock_change, source="adjust",
                               doc_no=doc_no or product.sku, note=f"{product.name} {qty:+d} {note}".strip()[:100],
                               user=user)
    return costed


def revalue(product: Product, new_cost: int, *, user=None, doc_uuid=None, note=""):
    """A new average for the goods on hand: a move of 0 keeps the date, Persediaan moves on_hand × Δ."""
    product = lock(product)
    costed = costing.revalue(on_hand(product.id), product.cost or 0, new_cost)
    product.cost = new_cost
    if product.consigned or (costed.on_hand_after == 0 and costed.stock_change == 0):
        return costed
    doc_uuid = doc_uuid or new_uuid()
    day = clock.today()
    record_move(product, 0, "revalue", unit_cost=new_cost, doc_uuid=doc_uuid, business_date=day, user=user,
                note=note)
    acts.post_stock_difference(uuid=doc_uuid, business_date=day, stock=costed.stock_change, source="revalue",
                               doc_no=product.sku, note=f"{product.name}: HPP {costed.avg_after} {note}".strip()[:100],
                               user=user)
    return costed


def take_back(items, doc_uuid, business_date, user=None) -> int:
    """Sold goods coming back (a refund, a void) for [(product_id, qty, unit cost it left at, producer's
    share back)]: own goods at the cost they left at, averaged in; consigned goods with the share the
    koperasi no longer owes. Returns the rupiah the averages rounded (Selisih persediaan)."""
    rounding = 0
    products = lock_many(item[0] for item in items)  # in id order, as a sale locks them: no deadlock
    for product_id, qty, unit_cost, *share in items:
        product = products[product_id]
        if product.consigned:
            record_move(product, qty, "refund", unit_cost=unit_cost, doc_uuid=doc_uuid, business_date=business_date,
                        user=user, owner_amount=-(share[0] or 0) if share else 0)
            continue
        costed = move_valued(product, qty, qty * (unit_cost or 0), "refund", unit_cost=unit_cost,
                             doc_uuid=doc_uuid, business_date=business_date, user=user)
        rounding += costed.residue
    return rounding
