"""Moving average cost (pure): what one valued stock move does to a product's average and to Persediaan.

The books hold one identity per own product at every moment: its share of *Persediaan* equals
on_hand × average cost, both integers. A move brings `value` rupiah in (a receipt: qty × unit cost; a
return of sold goods: qty × the cost they left at) or takes it out (a purchase return at invoice cost;
a sale or an adjustment at the average itself). The average becomes
    (on_hand × avg + value) ÷ (on_hand + qty), rounded half up to whole rupiah,
and Persediaan moves by exactly what on_hand × avg moved by. The few rupiah between that and `value`
(the rounding, or a negative stock being replenished at a new cost) are the `residue`, which the
posting puts on *Selisih persediaan* — never hidden, never left in Persediaan.
"""
from dataclasses import dataclass
from decimal import Decimal

from ..money import to_rupiah


@dataclass(frozen=True)
class Costed:
    on_hand_after: int
    avg_after: int
    stock_change: int   # Δ(on_hand × avg): what Persediaan moves by (signed)
    value: int          # the value the act moved (signed): invoice amount, cost of goods sold…
    residue: int        # stock_change − value, to Selisih persediaan (signed)


def unit_value(value: int, qty: int) -> int:
    return to_rupiah(Decimal(value) / qty) if qty else 0


def average_after(on_hand: int, avg: int, qty: int, value: int) -> int:
    """The average after a move of `qty` units worth `value` (integer rupiah, never negative)."""
    after = on_hand + qty
    if qty < 0 and value == qty * avg:
        return avg  # goods out at the average leave it unchanged (sales, adjustments, opname)
    if after <= 0:
        return avg if qty < 0 else max(unit_value(value, qty), 0)
    if on_hand <= 0:
        # nothing (or less than nothing) was on the shelf at the old average: the new goods set it
        return max(unit_value(value, qty), 0) if qty > 0 else avg
    return max(to_rupiah(Decimal(on_hand * avg + value) / after), 0)


def move(on_hand: int, avg: int, qty: int, value: int) -> Costed:
    """The costing of one move of `qty` (signed) worth `value` (signed, same direction)."""
    after = on_hand + qty
    new_avg = average_after(on_hand, avg, qty, value)
    change = after * new_avg - on_hand * avg
    return Costed(after, new_avg, change, value, change - value)


def at_average(on_hand: int, avg: int, qty: int) -> Costed:
    """Goods in or out at the average itself (adjustments, opname): the average does not change."""
    return Costed(on_hand + qty, avg, qty * avg, qty * avg, 0)


def revalue(on_hand: int, avg: int, new_avg: int) -> Costed:
    """A new average for the goods on hand (the manager corrects the cost): Persediaan moves by on_hand × Δ."""
    change = on_hand * (new_avg - avg)
    return Costed(on_hand, new_avg, change, change, 0)
