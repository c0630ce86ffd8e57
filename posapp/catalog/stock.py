"""The only writer of stock moves and their projection `stock_level`."""
from ..extensions import db
from .models import MOVE_KINDS, StockLevel, StockMove


def record_move(product, qty: int, kind: str, *, reason="", note="", unit_cost=None,
                doc_uuid=None, user=None) -> StockMove:
    """Add a move and update the stock level in the caller's transaction (flush only)."""
    if kind not in MOVE_KINDS:
        raise ValueError(kind)
    if qty == 0:
        raise ValueError("qty 0")
    move = StockMove(product_id=product.id, qty=qty, kind=kind, reason=reason, note=note,
                     unit_cost=unit_cost, doc_uuid=doc_uuid, user_id=getattr(user, "id", None))
    db.session.add(move)
    level = db.session.get(StockLevel, product.id)
    if level is None:
        db.session.add(StockLevel(product_id=product.id, on_hand=qty))
    else:
        # An UPDATE … SET on_hand = on_hand + qty is safe under concurrent tills.
        db.session.execute(db.update(StockLevel).where(StockLevel.product_id == product.id)
                           .values(on_hand=StockLevel.on_hand + qty))
    db.session.flush()
    return move


def on_hand(product_id: int) -> int:
    return db.session.scalar(db.select(StockLevel.on_hand).where(StockLevel.product_id == product_id)) or 0


def document_exists(doc_uuid: str) -> bool:
    """Was a stock document (receipt of goods, adjustment, opname) already saved?"""
    return db.session.scalar(db.select(StockMove.id).where(StockMove.doc_uuid == doc_uuid).limit(1)) is not None
