"""The books' pages (manajer): buku kas harian and its exports, day close, range reports, the raw journal."""
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import backup, clock
from ..edge import transaction, writes
from ..ledger import balances, closing, opening
from ..ledger.closing import parse_day
from ..ledger.posting import LedgerRefused
from ..money import parse_rupiah
from ..roles import role_required
from ..till.shifts import open_shifts
from ..wire.outbox import unsent_counts
from . import dashboard, export_csv, export_pdf, export_xlsx, ranges
from .blueprint import bp
from .book import daily_book
from .day_close import close_day as close_the_day
from ..i18n import _

EXPORTS = {"xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export_xlsx.book_xlsx),
           "csv": ("text/csv; charset=utf-8", export_csv.book_csv), "pdf": ("application/pdf", export_pdf.book_pdf)}


@bp.get("/kas")
@role_required("manajer")
def daily():
    day = parse_day(request.args.get("tanggal"), clock.today())
    try:
        closing.check_day(day)
    except LedgerRefused as exc:
        return render_template("reports/daily.html", book=None, error=str(exc), day=clock.today(),
                               needs_opening=opening.needs_opening()), 400
    return render_template("reports/daily.html", book=daily_book(day), error=None, day=day,
                           needs_opening=opening.needs_opening())


@bp.get("/kas/<tanggal>.<fmt>")
@role_required("manajer")
def export(tanggal, fmt):
    if fmt not in EXPORTS:
        abort(404)
    day = parse_day(tanggal)
    try:
        closing.check_day(day)
    except LedgerRefused as exc:
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
    except LedgerRefused as exc:
        abort(400, str(exc))
    return _download(export_csv.journal_csv(ranges.journal_rows(start, end)), "text/csv; charset=utf-8",
                     f"jurnal-{start:%Y%m%d}-{end:%Y%m%d}.csv")


@bp.get("/laporan")
@role_required("manajer")
def report():
    try:
        start, end = _range_args()
    except LedgerRefused as exc:
        today = clock.today()
        return render_template("reports/reports.html", error=str(exc), field=exc.field,
                               start=today.replace(day=1), end=today, data=None), 400
    data = {"days": ranges.sales_by_day(start, end), "members": ranges.members(start, end),
            "products": ranges.sales_by_product(start, end), "samsat": ranges.samsat(start, end),
            "categories": ranges.sales_by_product(start, end, by="category"),
            "trial": balances.trial_balance(start, end), "hours": dashboard.sales_by_hour(start, end),
            "top": dashboard.top_products(start, end)}
    return render_template("reports/reports.html", error=None, field=None, start=start, end=end, data=data)


def _close_page(errors=None):
    day = parse_day(request.values.get("tanggal"), clock.today())
    context = {"day": day, "errors": errors or {}, "form": request.form, "unsent": unsent_counts(),
               "shifts": open_shifts_of(day), "expected": balances.kas_balance(day) if day else 0,
               "closed": closing.day_close_of(day) if day else None, "needs_opening": opening.needs_opening()}
    return render_template("reports/close.html", **context), 400 if errors else 200


def open_shifts_of(day):
    return open_shifts(day) if day else []


def _close_again(refusal):
    return _close_page({refusal.field or "tanggal": str(refusal)})


@bp.route("/tutup-hari", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=_close_again)
def close_day():
    if request.method == "GET":
        return _close_page()
    day = parse_day(request.values.get("tanggal"), clock.today())
    counted = parse_rupiah(request.form.get("uang_dihitung", ""), field="uang_dihitung")
    with transaction():
        close = close_the_day(day, counted, current_user, request.form.get("catatan", ""))
    backup.backup_database("tutup-hari")
    values = {"day": f"{day:%d-%m-%Y}", "difference": f"{close.difference:+,}".replace(",", "."),
              "unsent": close.unsent_records}
    flash(_("Hari %(day)s ditutup. Selisih kas %(difference)s; %(unsent)s data belum terkirim ke pusat.", **values)
          if close.unsent_records else _("Hari %(day)s ditutup. Selisih kas %(difference)s.", **values), "success")
    return redirect(url_for("reports.daily", tanggal=day.isoformat()))

