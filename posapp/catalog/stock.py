"""The only writer of stock moves and their projection `stock_level`."""
from functools import lru_cache

from .. import clock
from ..extensions import db
from .models import MOVE_KINDS, StockLevel, StockMove

_INSERT_MOVES = StockMove.__table__.insert()


def record_move(product, qty: int, kind: str, *, reason="", note="", unit_cost=None,
                doc_uuid=None, user=None, business_date=None, owner_amount=None) -> StockMove:
    """Add one move and update the stock level in the caller's transaction (flush only).

    The move keeps the product's average cost after it (`product.cost`, which catalog.valued has
    already set for a valued move) and the business day, so the stock can be valued on any date.
    A consigned product's move carries its producer and what it makes the koperasi owe them."""
    _check(kind, [qty])
    owner = getattr(product, "consignor_id", None)
    move = StockMove(product_id=product.id, qty=qty, kind=kind, reason=reason, note=note,
                     unit_cost=unit_cost, doc_uuid=doc_uuid, user_id=getattr(user, "id", None),
                     business_date=business_date or clock.today(), avg_cost=None if owner else product.cost or 0,
                     owner_id=owner, owner_amount=owner_amount if owner else None)
    db.session.add(move)
    if qty:
        _add_to_levels({product.id: qty}, [product])
    return move


def record_moves(items, kind: str, *, reason="", note="", doc_uuid=None, user=None, business_date=None) -> None:
    """Moves for [(product, qty, unit_cost[, owed to the producer])] of one document (a sale): one INSERT
    and one upsert for all."""
    _check(kind, [item[1] for item in items])
    day, user_id = business_date or clock.today(), getattr(user, "id", None)
    rows = []
    for product, qty, unit_cost, *owed in items:
        owner = getattr(product, "consignor_id", None)
        rows.append({"product_id": product.id, "qty": qty, "kind": kind, "reason": reason, "note": note,
                     "unit_cost": unit_cost, "doc_uuid": doc_uuid, "user_id": user_id, "business_date": day,
                     "avg_cost": None if owner else product.cost or 0, "owner_id": owner,
                     "owner_amount": (owed[0] if owed else None) if owner else None})
    insert_rows(rows, [item[0] for item in items])


def insert_rows(rows: list[dict], products) -> None:
    """Write prepared move rows (one INSERT) and add their quantities to the levels (one upsert)."""
    db.session.flush()  # pending objects first, as the ORM bulk insert did (a no-op when clean)
    # a Core executemany: the moves are facts nobody reads back here, and every sale writes some
    db.session.connection().execute(_INSERT_MOVES, rows)
    totals = {}
    for row in rows:
        totals[row["product_id"]] = totals.get(row["product_id"], 0) + row["qty"]
    _add_to_levels({pid: qty for pid, qty in totals.items() if qty}, products)


def _check(kind, quantities) -> None:
    if kind not in MOVE_KINDS:
        raise ValueError(kind)
    if kind != "revalue" and any(qty == 0 for qty in quantities):
        raise ValueError("qty 0")


def _add_to_levels(totals: dict, products) -> None:
    """One atomic upsert per product (on_hand = on_hand + qty): safe under concurrent tills."""
    if not totals:
        return
    connection = db.session.connection()
    connection.execute(_level_upsert(connection.dialect.name),
                       [{"product_id": pid, "on_hand": qty} for pid, qty in totals.items()])
    for product_id in totals:  # the projection changed below the ORM
        cached = db.session.identity_map.get(db.session.identity_key(StockLevel, product_id))
        if cached is not None:
            db.session.expire(cached)
    for product in products:
        if product in db.session:
            db.session.expire(product, ["level"])


@lru_cache(maxsize=None)
def _level_upsert(dialect: str):
    """Built once per dialect: building the statement costs more than running it."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    table = StockLevel.__table__
    statement = (pg_insert if dialect == "postgresql" else sqlite_insert)(table)
    return statement.on_conflict_do_update(index_elements=[table.c.product_id],
                                           set_={"on_hand": table.c.on_hand + statement.excluded.on_hand})


def on_hand(product_id: int) -> int:
    return db.session.scalar(db.select(StockLevel.on_hand).where(StockLevel.product_id == product_id)) or 0


def document_exists(doc_uuid: str) -> bool:
    """Was a stock document (receipt of goods, adjustment, opname) already saved?"""
    return db.session.scalar(db.select(StockMove.id).where(StockMove.doc_uuid == doc_uuid).limit(1)) is not None
