"""Ledger pages (manajer): buku kas harian and its exports, day close, range reports, accounts."""
from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import backup, clock
from ..auth.decorators import role_required
from ..extensions import db
from ..money import MoneyError, parse_rupiah
from . import accounts, balances, closing, export_csv, export_pdf, export_xlsx, opening, reports
from .book import daily_book
from .posting import LedgerError

bp = Blueprint("ledger", __name__, url_prefix="/buku")
EXPORTS = {"xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export_xlsx.book_xlsx),
           "csv": ("text/csv; charset=utf-8", export_csv.book_csv), "pdf": ("application/pdf", export_pdf.book_pdf)}


def parse_day(text, default=None):
    if not text:
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


@bp.get("/kas")
@role_required("manajer")
def daily():
    day = parse_day(request.args.get("tanggal"), clock.today())
    try:
        closing.check_day(day)
    except LedgerError as exc:
        return render_template("ledger/daily.html", book=None, error=str(exc), day=clock.today(),
                               needs_opening=opening.needs_opening()), 400
    return render_template("ledger/daily.html", book=daily_book(day), error=None, day=day,
                           needs_opening=opening.needs_opening())


@bp.get("/kas/<tanggal>.<fmt>")
@role_required("manajer")
def export(tanggal, fmt):
    if fmt not in EXPORTS:
        abort(404)
    day = parse_day(tanggal)
    try:
        closing.check_day(day)
    except LedgerError as exc:
        abort(400, str(exc))
    book = daily_book(day)
    mimetype, render = EXPORTS[fmt]
    suffix = "" if book["final"] else "-sementara"
    return _download(render(book), mimetype, f"buku-kas-{day:%Y%m%d}{suffix}.{fmt}")


def _download(data, mimetype, filename):
    return Response(data, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _range_args():
    end = parse_day(request.args.get("sampai"), clock.today())
    start = parse_day(request.args.get("dari"), end.replace(day=1) if end else None)
    closing.check_range(start, end)
    return start, end


@bp.get("/jurnal.csv")
@role_required("manajer")
def journal_csv():
    try:
        start, end = _range_args()
    except LedgerError as exc:
        abort(400, str(exc))
    return _download(export_csv.journal_csv(reports.journal_rows(start, end)), "text/csv; charset=utf-8",
                     f"jurnal-{start:%Y%m%d}-{end:%Y%m%d}.csv")


@bp.get("/laporan")
@role_required("manajer")
def report():
    try:
        start, end = _range_args()
    except LedgerError as exc:
        today = clock.today()
        return render_template("ledger/reports.html", error=str(exc), field=exc.field, start=today.replace(day=1),
                               end=today, data=None), 400
    data = {"days": reports.sales_by_day(start, end), "members": reports.members(start, end),
            "products": reports.sales_by_product(start, end), "samsat": reports.samsat(start, end),
            "categories": reports.sales_by_product(start, end, by="category"),
            "trial": balances.trial_balance(start, end)}
    return render_template("ledger/reports.html", error=None, field=None, start=start, end=end, data=data)


@bp.route("/tutup-hari", methods=["GET", "POST"])
@role_required("manajer")
def close_day():
    day = parse_day(request.values.get("tanggal"), clock.today())
    errors = {}
    if request.method == "POST":
        try:
            counted = parse_rupiah(request.form.get("uang_dihitung", ""))
        except MoneyError as exc:
            errors["uang_dihitung"] = str(exc)
        else:
            try:
                close = closing.close_day(day, counted, current_user, request.form.get("catatan", ""))
            except LedgerError as exc:
                db.session.rollback()
                errors[exc.field or "tanggal"] = str(exc)
            else:
                db.session.commit()
                backup.backup_database("tutup-hari")
                flash(f"Hari {day:%d-%m-%Y} ditutup. Selisih kas {close.difference:+,}".replace(",", ".")
                      + (f"; {close.unsent_records} data belum terkirim ke pusat." if close.unsent_records else "."),
                      "success")
                return redirect(url_for("ledger.daily", tanggal=day.isoformat()))
    context = {"day": day, "errors": errors, "form": request.form, "unsent": closing.unsent_records(),
               "shifts": closing.open_shifts(day) if day else [], "expected": balances.kas_balance(day) if day else 0,
               "closed": closing.day_close_of(day) if day else None, "needs_opening": opening.needs_opening()}
    return render_template("ledger/close.html", **context), 400 if errors else 200


def _opening_amounts(form, errors) -> dict:
    """Cash is required; bank/QRIS may stay empty (0)."""
    values = {}
    for name in ("saldo_kas", "saldo_bank"):
        text = form.get(name, "").strip()
        try:
            values[name] = parse_rupiah(text) if text or name == "saldo_kas" else 0
        except MoneyError as exc:
            errors[name] = str(exc)
    return values


@bp.route("/saldo-awal", methods=["GET", "POST"])
@role_required("manajer")
def opening_balance():
    errors = {}
    if request.method == "POST":
        day, values = parse_day(request.form.get("tanggal")), _opening_amounts(request.form, errors)
        if not errors:
            try:
                entry = opening.record_opening(day, values["saldo_kas"], values["saldo_bank"], current_user,
                                               request.form.get("catatan", ""))
            except LedgerError as exc:
                db.session.rollback()
                errors[exc.field or "_"] = str(exc)
            else:
                db.session.commit()
                flash(f"Saldo awal dicatat ({entry.entry_no}).", "success")
                return redirect(url_for("ledger.daily", tanggal=day.isoformat()))
    context = {"errors": errors, "form": request.form, "existing": opening.opening_entry(),
               "day": opening.suggested_day(clock.today())}
    return render_template("ledger/opening.html", **context), 400 if errors else 200


@bp.route("/akun", methods=["GET", "POST"])
@role_required("manajer")
def chart():
    errors = {}
    if request.method == "POST":
        try:
            accounts.rename_account(request.form.get("code", ""), request.form.get("name", ""), current_user)
        except LedgerError as exc:
            db.session.rollback()
            errors[exc.field or "name"] = str(exc)
        else:
            db.session.commit()
            flash("Nama akun disimpan.", "success")
            return redirect(url_for("ledger.chart"))
    rows = accounts.all_accounts()
    db.session.commit()  # the default chart, seeded on first visit
    return render_template("ledger/accounts.html", accounts=rows, errors=errors), 400 if errors else 200


