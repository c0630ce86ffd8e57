"""The cash movements' part of a shift's drawer: kas keluar/masuk and bank deposits through it."""
from ..extensions import db
from ..ledger.cashbook import CASH_IN, KINDS
from .cash_models import CashMovement
from .drawer import DrawerPart, moved


def shift_part(shift) -> DrawerPart:
    rows = db.session.execute(
        db.select(CashMovement.kind, CashMovement.reverses_id.is_not(None), db.func.sum(CashMovement.amount))
        .where(CashMovement.shift_id == shift.id, CashMovement.via == "cash")
        .group_by(CashMovement.kind, CashMovement.reverses_id.is_not(None))).all()
    totals = {}
    for kind, reversal, amount in rows:
        totals[kind] = totals.get(kind, 0) + CASH_IN[kind] * int(amount) * (-1 if reversal else 1)
    rows = moved(*((KINDS[kind], amount) for kind, amount in sorted(totals.items())))
    return DrawerPart(cash=sum(totals.values()), figures={"cashbook": list(rows)}, rows=rows)
