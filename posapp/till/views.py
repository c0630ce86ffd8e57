"""Shift pages: open, X report, close with a cash count, Z report (screen, print, PDF)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..edge import writes
from ..extensions import db
from ..receipts import pdf_for, print_document_for
from ..roles import role_required
from . import shifts
from .blueprint import bp
from .models import Shift
from .receipt_data import shift_report_data
from .tenders import METHODS


def _shift_page(errors=None):
    current = shifts.open_shift_of(current_user)
    recent = db.session.scalars(db.select(Shift).where(Shift.user_id == current_user.id)
                                .order_by(Shift.id.desc()).limit(10)).all()
    others = shifts.open_shifts_of_others(current_user) if current_user.has_role("manajer") else []
    return render_template("till/shift.html", current=current, recent=recent, others=others,
                           report=shifts.summary(current) if current else None, methods=METHODS,
                           denominations=shifts.DENOMINATIONS, errors=errors or {},
                           day_closed=None if current else shifts.day_closed_message(),
                           form=request.form if errors else {}), 400 if errors else 200


def _shift_page_again(refusal):
    return _shift_page({refusal.field or "_": str(refusal)})


@bp.get("/shift")
@role_required("kasir")
def shift():
    return _shift_page()


@bp.post("/shift/buka")
@role_required("kasir")
@writes(render=_shift_page_again)
def shift_open():
    shifts.open_shift(current_user, request.form.get("opening_cash") or "0")
    flash(_("Shift dibuka. Selamat bertugas."), "success")
    return redirect(url_for("sales.screen"))


@bp.post("/shift/tutup")
@role_required("kasir")
@writes(render=_shift_page_again)
def shift_close():
    current = shifts.open_shift_of(current_user)
    if current is None:
        flash(_("Tidak ada shift terbuka."), "warning")
        return redirect(url_for("till.shift"))
    shifts.close_shift(current, current_user, request.form.get("counted_cash") or "", request.form.get("note"),
                       denominations=_denomination_counts(request.form))
    _print_z(current)
    return redirect(url_for("till.shift_report", shift_id=current.id))


def _print_z(shift):
    """The button says "cetak laporan Z": print it now; a failure says why and the report page reprints."""
    result = print_document_for("shift", lambda: shift_report_data(shift, shifts.summary(shift)))
    if result.get("skipped"):
        flash(_("Shift ditutup. Printer belum diatur: unduh laporan Z sebagai PDF di bawah ini."), "success")
    elif result["ok"]:
        flash(_("Shift ditutup dan laporan Z dicetak."), "success")
    else:
        flash(_("Shift ditutup, tetapi laporan Z belum tercetak: %(error)s Tekan Cetak untuk mencoba lagi.",
                error=result["error"]), "warning")


def _manager_close_again(refusal):
    shift = db.session.get(Shift, request.view_args["shift_id"]) or abort(404)
    return _manager_close_page(shift, {refusal.field or "_": str(refusal)})


def _manager_close_page(shift, errors=None):
    return render_template("till/manager_close.html", shift=shift, report=shifts.summary(shift), methods=METHODS,
                           denominations=shifts.DENOMINATIONS, errors=errors or {},
                           form=request.form if errors else {}), 400 if errors else 200


@bp.route("/shift/<int:shift_id>/tutup", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=_manager_close_again)
def manager_close(shift_id):
    """A manager closes the shift a cashier forgot (the day close waits for every shift)."""
    shift = db.session.get(Shift, shift_id) or abort(404)
    if not shift.is_open:
        flash(_("Shift ini sudah ditutup."), "info")
        return redirect(url_for("till.shift_report", shift_id=shift.id))
    if request.method == "GET":
        return _manager_close_page(shift)
    shifts.close_shift(shift, current_user, request.form.get("counted_cash") or "", request.form.get("note"),
                       denominations=_denomination_counts(request.form))
    _print_z(shift)
    return redirect(url_for("till.shift_report", shift_id=shift.id))


def _denomination_counts(form) -> dict:
    counts = {}
    for value in shifts.DENOMINATIONS:
        text = (form.get(f"d{value}") or "").strip()
        if text:
            counts[value] = int(text) if text.isdigit() else -1  # -1 is refused with a message
    return counts


def _own_shift(shift_id) -> Shift:
    shift = db.session.get(Shift, shift_id) or abort(404)
    if shift.user_id != current_user.id and not current_user.has_role("manajer"):
        abort(403)
    return shift


@bp.get("/shift/<int:shift_id>/laporan")
@role_required("kasir")
def shift_report(shift_id):
    shift = _own_shift(shift_id)
    return render_template("till/shift_report.html", shift=shift, report=shifts.summary(shift), methods=METHODS)


@bp.get("/shift/<int:shift_id>/laporan.pdf")
@role_required("kasir")
def shift_report_pdf(shift_id):
    shift = _own_shift(shift_id)
    pdf = pdf_for("shift", shift_report_data(shift, shifts.summary(shift)))
    name = f"laporan-{'Z' if shift.closed_at else 'X'}-shift-{shift.id}.pdf"
    return pdf, 200, {"Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{name}"'}


@bp.post("/shift/<int:shift_id>/cetak")
@role_required("kasir")
def shift_report_print(shift_id):
    shift = _own_shift(shift_id)
    result = print_document_for("shift", lambda: shift_report_data(shift, shifts.summary(shift)))
    flash(_("Laporan dicetak.") if result["ok"] else _("Gagal mencetak: %(error)s", error=result["error"]),
          "success" if result["ok"] else "error")
    return redirect(url_for("till.shift_report", shift_id=shift.id))
