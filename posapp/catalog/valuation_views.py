"""Manager pages: the stock valued at moving average cost (with its CSV) and the opening stock (once)."""
from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..edge import flash_and_go, writes
from ..excel_csv import to_csv
from ..ledger.balances import account_balance
from ..ledger.chart import PERSEDIAAN
from ..ledger.closing import parse_day
from ..roles import role_required
from . import opening_stock
from .blueprint import bp
from .valuation import csv_rows, valuation
from ..i18n import _


def _on():
    day = parse_day(request.args.get("tanggal"))
    return day if day is not None and day <= clock.today() else None


@bp.get("/stok/nilai")
@role_required("manajer")
def stock_value():
    on = _on()
    items = valuation(on)
    return render_template("catalog/valuation.html", items=items, on=on, total=sum(v.value for v in items),
                           ledger=account_balance(PERSEDIAAN, on), opening=opening_stock.recorded(),
                           unbooked=opening_stock.unbooked() if on is None else 0)


@bp.get("/stok/nilai.csv")
@role_required("manajer")
def stock_value_csv():
    on = _on()
    name = f"nilai-persediaan-{(on or clock.today()):%Y%m%d}.csv"
    return Response(to_csv(csv_rows(on), iso_dates=True), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.post("/stok/persediaan-awal")
@role_required("manajer")
@writes(render=flash_and_go(lambda: url_for("catalog.stock_value")))
def opening_stock_post():
    entry = opening_stock.record(current_user, request.form.get("catatan", ""))
    flash(_('Persediaan awal dicatat di buku (%(entry_no)s).', entry_no=entry.entry_no), "success")
    return redirect(url_for("catalog.stock_value"))
