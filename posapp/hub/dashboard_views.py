"""The province's pages: the dashboard (Samsat OPOP per day and kabupaten/kota, quiet outlets, curated
products) and the daily totals per kind. Both read the sums kept at ingest (dashboard.py)."""
from datetime import timedelta

from flask import render_template, request
from flask_login import login_required

from .. import clock
from . import dashboard
from .admin import bp, page_arg

SAMSAT_SUMS = ("count", "pkb_opsen", "swdkllj", "fee", "selisih", "selisih_rp", "ditolak", "pending", "rejected")


def _period(default_days: int):
    """(first, last, days, regency) from ?hari=…&kab=… (junk is the default; an unknown kabupaten is all)."""
    days = page_arg("hari", default=default_days, most=366)
    last = clock.today()
    regency = request.args.get("kab", "")
    return last - timedelta(days=days - 1), last, days, regency if regency in dashboard.regencies() else ""


@bp.get("/dasbor")
@login_required
def dashboard_page():
    first, last, days, regency = _period(7)
    rows = _samsat_rows(first, last, regency)
    per_regency = _per_regency(rows)
    counts, quiet = dashboard.outlets(regency or None)
    top = dashboard.top_products(first, last, regency or None)
    return render_template("hub/dashboard.html", first=first, last=last, days=days, regency=regency,
                           regencies=dashboard.regencies(), rows=rows, per_regency=per_regency,
                           totals=_total(per_regency.values()), outlet_counts=counts, quiet=quiet, top=top,
                           producers=dashboard.by_pesantren(first, last, regency or None),
                           chart=_chart(first, last, rows, top), stale_hours=48)


def _samsat_rows(first, last, regency):
    """One row per (day, kabupaten/kota) with Samsat money or refused records, newest day first."""
    rows = {(r["day"], r["regency"]): {**r, "rejected": 0} for r in dashboard.samsat_days(first, last, regency or None)}
    for (day, name), refused in dashboard.rejections_by_day(first, last, regency or None).items():
        rows.setdefault((day, name), {"day": day, "regency": name, **dict.fromkeys(SAMSAT_SUMS, 0)})
        rows[day, name]["rejected"] = refused
    return [rows[key] for key in sorted(rows, key=lambda k: (-k[0].toordinal(), k[1]))]


def _per_regency(rows) -> dict:
    out = {}
    for row in rows:
        sums = out.setdefault(row["regency"], dict.fromkeys(SAMSAT_SUMS, 0))
        for name in SAMSAT_SUMS:
            sums[name] += row[name]
    return dict(sorted(out.items()))


def _total(sums) -> dict:
    return {name: sum(s[name] for s in sums) for name in SAMSAT_SUMS}


def _chart(first, last, rows, top) -> dict:
    """Series for Chart.js: Samsat money per day (stacked by kind) and the top products in rupiah."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    per_day = {day: dict.fromkeys(("pkb_opsen", "swdkllj", "fee"), 0) for day in days}
    for row in rows:
        for name in per_day[row["day"]]:
            per_day[row["day"]][name] += row[name]
    return {"days": [f"{day:%d-%m}" for day in days],
            **{name: [per_day[day][name] for day in days] for name in ("pkb_opsen", "swdkllj", "fee")},
            "products": [name for _code, name, *_ in top], "product_amounts": [row[-1] for row in top]}


@bp.get("/total")
@login_required
def totals():
    first, last, days, regency = _period(14)
    province = dashboard.kind_sums(first, last, regency or None)
    return render_template("hub/totals.html", groups=dashboard.shown_groups(province), first=first, last=last,
                           days=days, regency=regency, regencies=dashboard.regencies(), province=province,
                           per_shop=dashboard.kind_sums(first, last, regency or None, by_shop=True))
