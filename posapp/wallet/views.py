"""Wallet pages: the list (low balances), open, top up, withdraw, limits, PIN, groups, the wali's statement."""
from datetime import date, timedelta

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request
from ..auth.service import managers
from ..database import new_uuid
from ..edge import transaction, writes
from ..errors import wants_json
from ..extensions import db
from ..inputs import act_uuid
from ..members import exports
from ..members.models import Member
from ..money import format_number
from ..refusal import Refusal
from ..roles import role_required
from ..shop.service import get_settings
from . import receipt_data, service
from .blueprint import bp
from .models import KINDS, STATUSES, Wallet, WalletGroup
from ..i18n import _


@bp.context_processor
def _wallet_words():
    """`statuses` for the wallet pages: a wallet's status code in words."""
    return {"statuses": STATUSES}


def _wallet(wallet_id) -> Wallet:
    return db.session.get(Wallet, wallet_id) or abort(404)


def _form():
    return (request.get_json(silent=True) or {}) if request.is_json else request.form


def _period():
    today = clock.today()
    try:
        start = date.fromisoformat(request.args.get("dari", ""))
    except ValueError:
        start = today.replace(day=1)
    try:
        end = date.fromisoformat(request.args.get("sampai", ""))
    except ValueError:
        end = today
    return (start, end) if start <= end and (end - start).days <= 366 else (today - timedelta(days=30), today)


@bp.get("/dompet")
@role_required("kasir")
def index():
    q, low = (request.args.get("q") or "").strip(), request.args.get("rendah") == "1"
    if low:
        rows = service.low_balances()
    else:
        query = db.select(Wallet).join(Member).order_by(Wallet.nis)
        if q:
            like = f"%{q.replace('%', '')}%"
            query = query.where(db.or_(Member.name.ilike(like), Wallet.nis.ilike(like), Wallet.room.ilike(like)))
        rows = db.session.scalars(query.limit(200)).all()
    return render_template("wallet/index.html", wallets=rows, q=q, low=low,
                           threshold=get_settings().wallet_low_balance)


def _page(wallet, errors=None, status=200):
    start, end = _period()
    return render_template("wallet/detail.html", wallet=wallet, statement=service.statement(wallet, start, end),
                           start=start, end=end, left=service.remaining(wallet), errors=errors or {},
                           uuid=new_uuid(), managers=managers(), kinds=KINDS,
                           groups=db.session.scalars(db.select(WalletGroup).order_by(WalletGroup.name)).all()), status


def _again(refusal):
    return _page(_wallet(request.view_args["wallet_id"]), {refusal.field or "_": str(refusal)}, 400)


@bp.get("/dompet/<int:wallet_id>")
@role_required("kasir")
def detail(wallet_id):
    return _page(_wallet(wallet_id))


@bp.route("/dompet/baru/<int:member_id>", methods=["GET", "POST"])
@role_required("manajer")
def new(member_id):
    member = db.session.get(Member, member_id) or abort(404)
    errors = {}
    if request.method == "POST":
        try:
            with transaction():
                wallet = service.open_wallet(member, request.form, current_user)
            flash(_('Dompet %(nis)s dibuka.', nis=wallet.nis), "success")
            return redirect(url_for("wallet.detail", wallet_id=wallet.id))
        except Refusal as exc:  # the wallet's own rules, or the member's (the parent's phone number)
            errors = {exc.field or "_": str(exc)}
    return render_template("wallet/new.html", member=member, form=request.form, errors=errors), 400 if errors else 200


def _done(move, replayed, message):
    printed = None if replayed else receipt_data.print_receipt(move)
    if wants_json():
        return jsonify(ok=True, doc_no=move.doc_no, balance=move.balance_after, replayed=replayed, print=printed)
    flash(f"{message} {move.doc_no}: saldo {format_number(move.balance_after)}", "success")
    return redirect(url_for("wallet.detail", wallet_id=move.wallet_id))


@bp.post("/dompet/<int:wallet_id>/isi")
@role_required("kasir")
@writes(render=_again)
def topup(wallet_id):
    form = _form()
    with transaction():
        move, replayed = service.topup(_wallet(wallet_id), form.get("amount"), current_user,
                                       method=form.get("method", "cash"), reference=form.get("reference", ""),
                                       move_uuid=act_uuid(form.get("uuid")))
    return _done(move, replayed, _("Isi saldo"))


@bp.post("/dompet/<int:wallet_id>/tarik")
@role_required("kasir")
@writes(render=_again)
def withdraw(wallet_id):
    form = _form()
    with transaction():
        move, replayed = service.withdraw(_wallet(wallet_id), form.get("amount"), current_user,
                                          approval=approval_from_request(), method=form.get("method", "cash"),
                                          reference=form.get("reference", ""), move_uuid=act_uuid(form.get("uuid")))
    return _done(move, replayed, _("Tarik saldo"))


@bp.post("/dompet/<int:wallet_id>/batas")
@role_required("manajer")
@writes(render=_again)
def limits(wallet_id):
    wallet, form = _wallet(wallet_id), _form()
    service.set_limits(wallet, form.get("daily_limit"), form.get("weekly_limit"), form.get("group_id"), current_user)
    if form.get("status") in ("aktif", "blokir", "tutup"):
        wallet.status = form["status"]
    flash(_("Batas dompet tersimpan."), "success")
    return redirect(url_for("wallet.detail", wallet_id=wallet.id))


@bp.post("/dompet/<int:wallet_id>/pin")
@role_required("manajer")
@writes(render=_again)
def pin(wallet_id):
    service.set_pin(_wallet(wallet_id), _form().get("pin"), current_user)
    flash(_("PIN dompet tersimpan."), "success")
    return redirect(url_for("wallet.detail", wallet_id=wallet_id))


@bp.route("/dompet/kelompok", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: (render_template("wallet/groups.html", error=str(refusal), groups=db.session.scalars(
    db.select(WalletGroup).order_by(WalletGroup.name)).all()), 400))
def groups():
    if request.method == "POST":
        name = " ".join((request.form.get("name") or "").split())[:60]
        if not name:
            raise service.WalletRefused(_("Nama kelompok wajib diisi."), "name")
        group = db.session.scalar(db.select(WalletGroup).where(WalletGroup.name == name)) or WalletGroup(name=name)
        group.daily_limit = service._limit_value(request.form.get("daily_limit"), "daily_limit")
        group.weekly_limit = service._limit_value(request.form.get("weekly_limit"), "weekly_limit")
        db.session.add(group)
        flash(_('Kelompok %(name)s tersimpan.', name=name), "success")
        return redirect(url_for("wallet.groups"))
    return render_template("wallet/groups.html", error=None,
                           groups=db.session.scalars(db.select(WalletGroup).order_by(WalletGroup.name)).all())


@bp.get("/dompet/<int:wallet_id>/rekening.pdf")
@role_required("kasir")
def statement_pdf(wallet_id):
    wallet, (start, end) = _wallet(wallet_id), _period()
    data = service.statement(wallet, start, end)
    heading = [f"Rekening dompet santri — {get_settings().shop_name}",
               f"{wallet.member.name} · NIS {wallet.nis} · kamar {wallet.room or '-'} · wali {wallet.wali_name or '-'}",
               f"Periode {start:%d-%m-%Y} s.d. {end:%d-%m-%Y} · saldo awal {format_number(data['opening'])} · "
               f"saldo akhir {format_number(data['closing'])}"]
    rows = [[m.business_date, m.doc_no, KINDS[m.kind] + (f": {m.items}" if m.items else ""),
             m.amount if m.signed > 0 else None, m.amount if m.signed < 0 else None, m.balance_after]
            for m in data["moves"]]
    pdf = exports.pdf_bytes(heading, ["Tanggal", "No. bukti", "Keterangan", "Masuk", "Keluar", "Saldo"], rows,
                            widths=(20, 40, 70, 22, 22, 24), footer_rows=[["", "", "Jumlah", data["in"], data["out"],
                                                                          data["closing"]]])
    return pdf, 200, {"Content-Type": "application/pdf",
                      "Content-Disposition": f'inline; filename="dompet-{wallet.nis}-{start}-{end}.pdf"'}


@bp.get("/dompet/bukti/<doc_no>.pdf")
@role_required("kasir")
def receipt_pdf(doc_no):
    move = receipt_data.find(doc_no) or abort(404)
    return receipt_data.receipt_pdf(move), 200, {"Content-Type": "application/pdf",
                                                 "Content-Disposition": f'attachment; filename="{move.doc_no}.pdf"'}
