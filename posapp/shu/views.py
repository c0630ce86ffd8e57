"""The SHU report for the RAT (screen, XLSX, PDF) and its payout."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request
from ..auth.service import managers
from ..edge import flash_and_go, writes
from ..extensions import db
from ..members import exports
from ..money import format_number, format_rupiah
from ..roles import role_required
from ..shop.service import get_settings
from . import payout, report
from .blueprint import bp
from .models import ShuPayout
from ..i18n import _

HEADER = ["No. anggota", "Nama", "Pembelian", "Simpanan", "Jasa usaha", "Jasa modal", "Jumlah"]


def _year() -> int:
    text = request.args.get("tahun", "")
    year = int(text) if text.isdigit() else clock.today().year
    return year if 2000 <= year <= clock.today().year else clock.today().year


def _table(figures):
    rows = [[r["no"], r["name"], r["purchases"], r["savings"], r["jasa_usaha"], r["jasa_modal"], r["total"]]
            for r in figures["members"]]
    totals = [["", "Jumlah", sum(r[2] for r in rows), sum(r[3] for r in rows), sum(r[4] for r in rows),
               sum(r[5] for r in rows), sum(r[6] for r in rows)],
              ["", "Sisa pembulatan (tetap di SHU)", None, None, None, None, figures["remainder"]]]
    return rows, totals


def _heading(figures):
    status = "SEMENTARA (tahun belum ditutup)" if figures["provisional"] else "FINAL"
    pools = ", ".join(f"{figures['labels'][k]} {format_number(v)}" for k, v in figures["pools"].items())
    return [f"Pembagian SHU tahun {figures['year']} — {get_settings().shop_name}",
            f"SHU {format_number(figures['shu'])} · status {status}",
            pools, "Jasa modal menurut simpanan pokok + wajib per 31 Desember; dibulatkan ke bawah."]


@bp.get("/shu")
@role_required("manajer")
def screen():
    year = _year()
    figures = report.compute(year)
    paid = db.session.scalar(db.select(ShuPayout).where(ShuPayout.year == year))
    return render_template("shu/report.html", figures=figures, year=year, paid=paid, managers=managers(),
                           methods=payout.METHODS)


@bp.get("/shu/<int:year>.xlsx")
@role_required("manajer")
def xlsx(year):
    figures = report.compute(year)
    rows, totals = _table(figures)
    data = exports.xlsx_bytes(f"SHU {year}", _heading(figures), HEADER, rows + totals, widths=(16, 32, 16, 16, 16, 16, 16))
    return data, 200, {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       "Content-Disposition": f'attachment; filename="shu-{year}.xlsx"'}


@bp.get("/shu/<int:year>.pdf")
@role_required("manajer")
def pdf(year):
    figures = report.compute(year)
    rows, totals = _table(figures)
    data = exports.pdf_bytes(_heading(figures), HEADER, rows, widths=(28, 70, 30, 30, 30, 30, 30), wide=True,
                             footer_rows=totals)
    return data, 200, {"Content-Type": "application/pdf", "Content-Disposition": f'inline; filename="shu-{year}.pdf"'}


@bp.post("/shu/<int:year>/bagikan")
@role_required("manajer")
@writes(render=flash_and_go(lambda: url_for("shu.screen", tahun=request.view_args["year"])))
def pay(year):
    done = payout.pay(year, request.form.get("method", ""), current_user, approval_from_request())
    flash(_("SHU %(year)s dibagikan: %(amount)s ke anggota.", year=year, amount=format_rupiah(done.members_total)),
          "success")
    return redirect(url_for("shu.screen", tahun=year))
