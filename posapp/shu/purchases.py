"""A member's purchases of a year: their sales less the refunds and voids of them, by business date."""
from datetime import date

from ..extensions import db
from ..sales.models import Sale


def member_purchases(year: int) -> dict:
    """{member id: Σ sale totals − Σ refund/void totals} of the year."""
    signed = db.case((Sale.kind == "sale", Sale.total), else_=-Sale.total)
    rows = db.session.execute(
        db.select(Sale.member_id, db.func.sum(signed)).where(
            Sale.member_id.is_not(None), Sale.business_date >= date(year, 1, 1),
            Sale.business_date <= date(year, 12, 31)).group_by(Sale.member_id)).all()
    return {member_id: int(total) for member_id, total in rows}
