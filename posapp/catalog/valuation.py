"""The koperasi's own stock valued at moving average cost on a date: the sub-ledger of Persediaan.

Read from the stock moves, so any past day can be valued: on_hand is the sum of the moves up to the
day, the unit cost the average after the day's last move. Consigned goods (a move with an owner)
are the producer's, never in it. Σ value equals the Persediaan balance on that date, to the rupiah.
"""
from dataclasses import dataclass

from ..extensions import db
from .models import Product, StockMove

HEADER = ["sku", "name", "on_hand", "unit_cost", "value"]


@dataclass(frozen=True)
class Valued:
    product_id: int
    sku: str
    name: str
    on_hand: int
    unit_cost: int

    @property
    def value(self) -> int:
        return self.on_hand * self.unit_cost


def _own_moves(on):
    query = db.select(StockMove.product_id).where(StockMove.owner_id.is_(None))
    return query.where(StockMove.business_date <= on) if on is not None else query


def valuation(on=None) -> list[Valued]:
    """Every own product with stock on `on` (None: now), by SKU, two grouped queries."""
    sums = (_own_moves(on).add_columns(db.func.sum(StockMove.qty).label("qty"), db.func.max(StockMove.id).label("last"))
            .group_by(StockMove.product_id).subquery())
    rows = db.session.execute(
        db.select(Product.id, Product.sku, Product.name, sums.c.qty, StockMove.avg_cost)
        .join(sums, sums.c.product_id == Product.id).join(StockMove, StockMove.id == sums.c.last)
        .where(sums.c.qty != 0).order_by(Product.sku))
    return [Valued(pid, sku, name, int(qty), int(cost or 0)) for pid, sku, name, qty, cost in rows]


def total(on=None) -> int:
    return sum(item.value for item in valuation(on))


def csv_rows(on=None) -> list[list]:
    return [HEADER, *([v.sku, v.name, v.on_hand, v.unit_cost, v.value] for v in valuation(on))]
