"""Pictures where people would rather look than read: the manager's day on the home page (today's sales,
Samsat payments, cash in the drawers, the last 14 days) and, on the reports, top products and sales by hour.

Figures only (plain dicts and lists); templates draw them with the vendored Chart.js (static/js/charts.js).
"""
from datetime import timedelta

from .. import clock
from ..extensions import db
from ..sales.models import Sale
from ..samsat.models import SamsatPayment
from ..till import shifts
from .blueprint import bp
from .ranges import sales_by_day, sales_by_product


def _samsat_by_day(start, end) -> dict:
    rows = db.session.execute(db.select(SamsatPayment.business_date, db.func.count(SamsatPayment.id),
                                        db.func.sum(SamsatPayment.total))
                              .where(SamsatPayment.business_date >= start, SamsatPayment.business_date <= end)
                              .group_by(SamsatPayment.business_date))
    return {day: (count, int(total or 0)) for day, count, total in rows}


def today(day=None) -> dict:
    """Net sales and their count, Samsat payments and their count, the cash expected in open drawers."""
    day = day or clock.today()
    net = sum(d["net"] for d in sales_by_day(day, day))
    count = db.session.scalar(db.select(db.func.count(Sale.id)).where(Sale.business_date == day, Sale.kind == "sale"))
    samsat_count, samsat_total = _samsat_by_day(day, day).get(day, (0, 0))
    drawers = [shifts.summary(s)["cash_expected"] for s in shifts.open_shifts(day)]
    return {"sales": net, "sales_count": count, "samsat": samsat_total, "samsat_count": samsat_count,
            "drawer": sum(drawers), "open_shifts": len(drawers)}


def last_days(day=None, n=14) -> dict:
    """Chart data: net sales and Samsat money per day for the `n` days up to `day`."""
    end = day or clock.today()
    start = end - timedelta(days=n - 1)
    sales = {d["day"]: d["net"] for d in sales_by_day(start, end)}
    samsat = _samsat_by_day(start, end)
    days = [start + timedelta(days=i) for i in range(n)]
    return {"labels": [f"{d:%d-%m}" for d in days], "sales": [sales.get(d, 0) for d in days],
            "samsat": [samsat.get(d, (0, 0))[1] for d in days]}


def _hour_column():
    """The WIB hour of a sale (stored in UTC): SQLite and PostgreSQL say it differently."""
    if db.engine.dialect.name == "postgresql":
        # stored as naive UTC: first say it is UTC, then read it in WIB
        return db.func.extract("hour", db.func.timezone(clock.WIB.key, db.func.timezone("UTC", Sale.created_at)))
    return db.func.cast(db.func.strftime("%H", Sale.created_at, "+7 hours"), db.Integer)


def sales_by_hour(start, end) -> dict:
    """Chart data: net sales per WIB hour of the day over the range (refunds and voids subtract)."""
    sign = db.case((Sale.kind == "sale", 1), else_=-1)
    hour = _hour_column()
    rows = db.session.execute(db.select(hour, db.func.sum(sign * Sale.total))
                              .where(Sale.business_date >= start, Sale.business_date <= end).group_by(hour))
    totals = {int(h): int(t or 0) for h, t in rows if h is not None}
    hours = list(range(min(totals, default=7), max(totals, default=21) + 1)) if totals else list(range(7, 22))
    return {"labels": [f"{h:02d}:00" for h in hours], "sales": [totals.get(h, 0) for h in hours]}


def top_products(start, end, n=10) -> dict:
    rows = [r for r in sales_by_product(start, end) if r["total"] > 0][:n]
    return {"labels": [r["key"].split(" · ", 1)[-1] for r in rows], "sales": [r["total"] for r in rows],
            "qty": [r["qty"] for r in rows]}


@bp.app_context_processor
def _dashboard():
    """`manager_today()` and `manager_days()` for the home page (evaluated only where a manager looks)."""
    return {"manager_today": today, "manager_days": last_days}
