"""The sales' part of a shift's drawer: sales, refunds and voids, payments by method (the X/Z report)."""
from ..extensions import db
from ..till.drawer import DrawerPart
from .models import Payment, Sale


def shift_part(shift) -> DrawerPart:
    kinds = dict.fromkeys(("sale", "refund", "void"))
    for kind in kinds:
        count, total = db.session.execute(
            db.select(db.func.count(Sale.id), db.func.coalesce(db.func.sum(Sale.total), 0))
            .where(Sale.shift_id == shift.id, Sale.kind == kind)).one()
        kinds[kind] = {"count": count, "total": int(total)}
    methods = {}
    rows = db.session.execute(db.select(Payment.method, Sale.kind, db.func.sum(Payment.amount))
                              .join(Sale).where(Sale.shift_id == shift.id)
                              .group_by(Payment.method, Sale.kind)).all()
    for method, kind, amount in rows:
        methods[method] = methods.get(method, 0) + (int(amount) if kind == "sale" else -int(amount))
    figures = {"sales": kinds["sale"], "refunds": kinds["refund"], "voids": kinds["void"],
               "net": kinds["sale"]["total"] - kinds["refund"]["total"] - kinds["void"]["total"],
               "payments": methods}
    return DrawerPart(cash=methods.get("cash", 0), figures=figures)
