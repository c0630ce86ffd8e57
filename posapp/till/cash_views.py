"""Kas keluar / kas masuk / setor & ambil bank (kasir during a shift; manajer also office cash and bank)."""
import uuid

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request
from ..auth.service import managers
from ..database import new_uuid
from ..edge import writes
from ..extensions import db
from ..ledger.cashbook import EXPENSE_CATEGORIES, KINDS
from ..ledger.closing import parse_day
from ..money import MoneyError, parse_rupiah
from ..receipts import pdf_for, print_document_for
from ..roles import role_required
from ..shop.service import save_settings
from . import cashbook
from .blueprint import bp
from .cash_models import CashMovement, CashRefused
from .cash_paper import cash_movement_data
from .shifts import open_shift_of
from ..i18n import _


def _page(errors=None, form=None):
    day = parse_day(request.args.get("tanggal"), clock.today()) or clock.today()
    query = db.select(CashMovement).where(CashMovement.business_date == day).order_by(CashMovement.id)
    if not current_user.has_role("manajer"):
        query = query.where(CashMovement.user_id == current_user.id)
    rows = db.session.scalars(query).all()
    reversed_ids = {m.reverses_id for m in rows if m.reverses_id}
    kinds = KINDS if current_user.has_role("manajer") else {k: KINDS[k] for k in cashbook.KASIR_KINDS}
    return render_template("till/cash.html", rows=rows, reversed_ids=reversed_ids, kinds=kinds, day=day,
                           categories=EXPENSE_CATEGORIES, errors=errors or {},
                           form=form or {"doc_uuid": new_uuid(), "kind": "expense"}, limit=cashbook.approval_limit(),
                           shift=open_shift_of(current_user), managers=managers()), 400 if errors else 200


def _again(refusal):
    return _page({refusal.field or "_": str(refusal)}, {**request.form, "doc_uuid": request.form.get("doc_uuid")})


@bp.get("/kas-keluar-masuk")
@role_required("kasir")
def cash():
    return _page()


@bp.post("/kas-keluar-masuk")
@role_required("kasir")
@writes(render=_again)
def cash_post():
    form = request.form
    try:
        amount = parse_rupiah(form.get("amount", ""), field="amount")
    except MoneyError as exc:
        raise CashRefused(str(exc), "amount") from None
    movement, replayed = cashbook.record(current_user, form.get("kind", ""), amount, category=form.get("category", ""),
                                         via=form.get("via", "cash"), note=form.get("note", ""),
                                         from_drawer=form.get("from_drawer") == "1", approval=approval_from_request(),
                                         doc_uuid=_uuid(form.get("doc_uuid")))
    flash(_("%(no)s sudah tersimpan sebelumnya.", no=movement.doc_no) if replayed else
          _("%(no)s dicatat.", no=movement.doc_no),
          "warning" if replayed else "success")
    return redirect(url_for("till.cash"))


def _uuid(value):
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError):
        raise CashRefused(_("Formulir tidak lengkap: muat ulang halaman."), "_") from None


def _movement(doc_no) -> CashMovement:
    movement = db.session.scalar(db.select(CashMovement).where(CashMovement.doc_no == doc_no)) or abort(404)
    if movement.user_id != current_user.id and not current_user.has_role("manajer"):
        abort(403)
    return movement


@bp.post("/kas-keluar-masuk/<doc_no>/batal")
@role_required("manajer")
@writes(render=_again)
def cash_reverse(doc_no):
    reversal = cashbook.reverse(current_user, _movement(doc_no), request.form.get("reason", ""))
    flash(_('%(doc_no)s dibatalkan dengan %(reversal)s.', doc_no=doc_no, reversal=reversal.doc_no), "success")
    return redirect(url_for("till.cash", tanggal=reversal.business_date.isoformat()))


@bp.post("/kas-keluar-masuk/batas")
@role_required("manajer")
@writes(render=_again)
def cash_limit():
    try:
        limit = parse_rupiah(request.form.get("limit", ""), field="limit")
    except MoneyError as exc:
        raise CashRefused(str(exc), "limit") from None
    save_settings({"cash_out_approval_limit": limit}, actor=current_user)
    flash(_("Batas kas keluar tanpa PIN manajer disimpan."), "success")
    return redirect(url_for("till.cash"))


@bp.get("/kas-keluar-masuk/<doc_no>.pdf")
@role_required("kasir")
def cash_pdf(doc_no):
    data = cash_movement_data(_movement(doc_no))
    return pdf_for("cash_movement", data), 200, {"Content-Type": "application/pdf",
                                                 "Content-Disposition": f'inline; filename="{doc_no}.pdf"'}


@bp.post("/kas-keluar-masuk/<doc_no>/cetak")
@role_required("kasir")
def cash_print(doc_no):
    movement = _movement(doc_no)
    result = print_document_for("cash_movement", lambda: cash_movement_data(movement), doc_no)
    flash(_("Bukti dicetak.") if result["ok"] else _('Gagal mencetak: %(result)s', result=result['error']),
          "success" if result["ok"] else "error")
    return redirect(url_for("till.cash", tanggal=movement.business_date.isoformat()))
