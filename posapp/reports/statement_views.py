"""The koperasi's financial statements (manajer): on screen, XLSX and PDF; the month and year close."""
from datetime import date

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import backup, clock
from ..edge import transaction, writes
from ..ledger import closing, month_close as ledger_months, year_close
from ..ledger.closing import parse_day
from ..ledger.posting import LedgerRefused
from ..limits import FIRST_DAY, LAST_DAY
from ..roles import role_required
from ..shop.service import get_settings
from . import month_close, statement_pdf, statement_xlsx
from .blueprint import bp
from .statements import all_statements
from ..i18n import _, indonesian
from ..money import format_rupiah


def _period():
    """?bulan=YYYY-MM, or ?dari=…&sampai=… (default: this month so far); LedgerRefused when wrong."""
    month = (request.args.get("bulan") or "").strip()
    if month:
        try:
            first = date.fromisoformat(month + "-01")
        except ValueError:
            raise LedgerRefused(_("Bulan tidak valid: pakai format TTTT-BB."), "bulan") from None
        start, end = ledger_months.month_of(first)
        end = min(end, clock.today())
    else:
        end = parse_day(request.args.get("sampai"), clock.today())
        start = parse_day(request.args.get("dari"), end.replace(day=1) if end else None)
    closing.check_range(start, end)
    return start, end


def _status(end) -> str:
    locked = closing.is_locked(end)
    return _("FINAL (periode sudah dikunci)") if locked else _("SEMENTARA (periode belum ditutup)")


@bp.get("/laporan-keuangan")
@role_required("manajer")
def statements():
    try:
        start, end = _period()
    except LedgerRefused as exc:
        today = clock.today()
        return render_template("reports/statements.html", error=str(exc), start=today.replace(day=1), end=today,
                               statements=None, status=""), 400
    return render_template("reports/statements.html", error=None, start=start, end=end,
                           statements=all_statements(start, end), status=_status(end))


@bp.get("/laporan-keuangan.<fmt>")
@role_required("manajer")
def statements_export(fmt):
    if fmt not in ("xlsx", "pdf"):
        return Response(_("format tidak dikenal"), status=404)
    try:
        start, end = _period()
    except LedgerRefused as exc:
        return Response(str(exc), status=400, mimetype="text/plain")
    name = f"laporan-keuangan-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"
    with indonesian():  # the koperasi's documents are in Indonesian whatever the screen's language
        shop, found = get_settings().shop_name, all_statements(start, end)
        if fmt == "xlsx":
            body, mimetype = statement_xlsx.statements_xlsx(found, shop), \
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body, mimetype = statement_pdf.statements_pdf(found, shop, clock.now_wib(), _status(end)), "application/pdf"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _months_page(errors=None):
    return render_template("reports/month_close.html", months=month_close.months(clock.today()),
                           years=month_close.years(clock.today()), errors=errors or {}), 400 if errors else 200


@bp.route("/tutup-bulan", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _months_page({refusal.field or "bulan": str(refusal)}))
def close_month():
    if request.method == "GET":
        return _months_page()
    try:
        first = date.fromisoformat((request.form.get("bulan") or "") + "-01")
    except ValueError:
        raise LedgerRefused(_("Bulan tidak valid."), "bulan") from None
    with transaction():
        close = month_close.close_month(first, current_user, request.form.get("catatan", ""))
    backup.backup_database("tutup-bulan")
    flash(_("Bulan %(month)s ditutup: SHU bulan ini %(result)s.", month=first.strftime("%m-%Y"), result=format_rupiah(close.result)),
          "success")
    return redirect(url_for("reports.statements", bulan=f"{first:%Y-%m}"))


@bp.post("/tutup-tahun")
@role_required("manajer")
@writes(render=lambda refusal: _months_page({"tahun": str(refusal)}))
def close_year():
    text = request.form.get("tahun") or ""
    year = int(text) if text.isascii() and text.isdigit() and len(text) == 4 else 0
    if not FIRST_DAY.year <= year <= LAST_DAY.year:  # the books hold business days of 2000…2099
        raise LedgerRefused(_("Tahun tidak valid."), "tahun")
    with transaction():
        entry = year_close.close_year(year, current_user, request.form.get("catatan", ""))
        result = year_close.result_of(entry)
    backup.backup_database("tutup-tahun")
    flash(_("Buku tahun %(year)s ditutup: SHU %(result)s masuk ke SHU belum dibagi (3401).", year=year,
            result=format_rupiah(result)), "success")
    return redirect(url_for("reports.close_month"))
