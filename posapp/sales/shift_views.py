"""Shift pages: open, X report, close with a cash count, Z report (screen, print, PDF)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth.decorators import role_required
from ..extensions import db
from ..refusal import Refusal
from . import printing, shifts
from .models import Shift
from .receipt_data import shift_report_data
from .views import bp


@bp.get("/shift")
@role_required("kasir")
def shift():
    current = shifts.open_shift_of(current_user)
    recent = db.session.scalars(db.select(Shift).where(Shift.user_id == current_user.id)
                                .order_by(Shift.id.desc()).limit(10)).all()
    report = shifts.summary(current) if current else None
    return render_template("sales/shift.html", current=current, report=report, recent=recent,
                           denominations=shifts.DENOMINATIONS, errors={}, form={})


@bp.post("/shift/buka")
@role_required("kasir")
def shift_open():
    try:
        shifts.open_shift(current_user, request.form.get("opening_cash") or "0")
    except Refusal as exc:
        db.session.rollback()
        return _shift_page_error(exc)
    db.session.commit()
    flash("Shift dibuka. Selamat bertugas.", "success")
    return redirect(url_for("sales.screen"))


@bp.post("/shift/tutup")
@role_required("kasir")
def shift_close():
    current = shifts.open_shift_of(current_user)
    if current is None:
        flash("Tidak ada shift terbuka.", "warning")
        return redirect(url_for("sales.shift"))
    counts = _denomination_counts(request.form)
    try:
        shifts.close_shift(current, current_user, request.form.get("counted_cash") or "", request.form.get("note"),
                           denominations=counts)
    except Refusal as exc:
        db.session.rollback()
        return _shift_page_error(exc)
    db.session.commit()
    flash("Shift ditutup. Laporan Z di bawah ini.", "success")
    return redirect(url_for("sales.shift_report", shift_id=current.id))


def _denomination_counts(form) -> dict:
    counts = {}
    for value in shifts.DENOMINATIONS:
        text = (form.get(f"d{value}") or "").strip()
        if text:
            counts[value] = int(text) if text.isdigit() else -1  # -1 is refused with a message
    return counts


def _shift_page_error(exc):
    current = shifts.open_shift_of(current_user)
    recent = db.session.scalars(db.select(Shift).where(Shift.user_id == current_user.id)
                                .order_by(Shift.id.desc()).limit(10)).all()
    return render_template("sales/shift.html", current=current, recent=recent,
                           report=shifts.summary(current) if current else None,
                           denominations=shifts.DENOMINATIONS, errors={exc.field or "_": str(exc)},
                           form=request.form), 400


def _own_shift(shift_id) -> Shift:
    shift = db.session.get(Shift, shift_id) or abort(404)
    if shift.user_id != current_user.id and not current_user.has_role("manajer"):
        abort(403)
    return shift


@bp.get("/shift/<int:shift_id>/laporan")
@role_required("kasir")
def shift_report(shift_id):
    shift = _own_shift(shift_id)
    return render_template("sales/shift_report.html", shift=shift, report=shifts.summary(shift))


@bp.get("/shift/<int:shift_id>/laporan.pdf")
@role_required("kasir")
def shift_report_pdf(shift_id):
    shift = _own_shift(shift_id)
    pdf = printing.pdf_for("shift", shift_report_data(shift, shifts.summary(shift)))
    if pdf is None:
        abort(404, "Modul struk belum tersedia.")
    name = f"laporan-{'Z' if shift.closed_at else 'X'}-shift-{shift.id}.pdf"
    return pdf, 200, {"Content-Type": "application/pdf", "Content-Disposition": f'attachment; filename="{name}"'}


@bp.post("/shift/<int:shift_id>/cetak")
@role_required("kasir")
def shift_report_print(shift_id):
    shift = _own_shift(shift_id)
    result = printing.print_document_for("shift", lambda: shift_report_data(shift, shifts.summary(shift)))
    flash("Laporan dicetak." if result["ok"] else f"Gagal mencetak: {result['error']}",
          "success" if result["ok"] else "error")
    return redirect(url_for("sales.shift_report", shift_id=shift.id))
