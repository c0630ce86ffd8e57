"""The ledger's own pages (manajer): the chart of accounts and the opening balance (saldo awal)."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..edge import writes
from ..money import MoneyError, parse_rupiah
from ..roles import role_required
from . import accounts, opening
from .blueprint import bp
from .closing import parse_day
from ..i18n import _


def _opening_amounts(form) -> dict:
    """Cash is required; bank/QRIS may stay empty (0); every bad amount is named."""
    values, errors = {}, {}
    for name in ("saldo_kas", "saldo_bank"):
        text = form.get(name, "").strip()
        try:
            values[name] = parse_rupiah(text, field=name) if text or name == "saldo_kas" else 0
        except MoneyError as exc:
            errors[name] = str(exc)
    return values, errors


def _opening_page(errors=None):
    context = {"errors": errors or {}, "form": request.form, "existing": opening.opening_entry(),
               "day": opening.suggested_day(clock.today())}
    return render_template("ledger/opening.html", **context), 400 if errors else 200


@bp.route("/saldo-awal", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _opening_page({refusal.field or "_": str(refusal)}))
def opening_balance():
    if request.method == "GET":
        return _opening_page()
    day = parse_day(request.form.get("tanggal"))
    values, errors = _opening_amounts(request.form)
    if errors:
        return _opening_page(errors)
    entry = opening.record_opening(day, values["saldo_kas"], values["saldo_bank"], current_user,
                                   request.form.get("catatan", ""))
    flash(_('Saldo awal dicatat (%(entry_no)s).', entry_no=entry.entry_no), "success")
    return redirect(url_for("reports.daily", tanggal=day.isoformat()))


def _chart_page(errors=None):
    return render_template("ledger/accounts.html", accounts=accounts.all_accounts(), errors=errors or {}), \
        400 if errors else 200


@bp.route("/akun", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _chart_page({refusal.field or "name": str(refusal)}))
def chart():
    if request.method == "GET":
        return _chart_page()  # the default chart is seeded on the first visit; the edge commits it
    accounts.rename_account(request.form.get("code", ""), request.form.get("name", ""), current_user)
    flash(_("Nama akun disimpan."), "success")
    return redirect(url_for("ledger.chart"))
