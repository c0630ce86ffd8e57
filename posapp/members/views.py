"""Registry pages: the member list, register, edit, detail (simpanan, kasbon, statement), cards, leaving."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..auth.approval import approval_from_request
from ..auth.service import managers
from ..database import new_uuid
from ..edge import flash_and_go, transaction, writes
from ..extensions import db
from ..roles import role_required
from ..shop.service import get_settings, save_settings
from . import cards, credit, registry, savings, settings as member_settings
from ..inputs import act_uuid, page_arg
from ..refusal import Refusal
from .blueprint import bp
from .models import KINDS, STATUSES, Member
from .rules import MemberRefused
from ..i18n import _


def member_or_404(member_id) -> Member:
    return db.session.get(Member, member_id) or abort(404)


@bp.get("/anggota")
@role_required("kasir")
def index():
    q, kind = (request.args.get("q") or "").strip(), request.args.get("jenis", "")
    status = request.args.get("status", "aktif")
    query = db.select(Member).order_by(Member.number)
    if q:
        like = f"%{q.replace('%', '').replace('_', '')}%"
        query = query.where(db.or_(Member.name.ilike(like), Member.number.ilike(like), Member.phone.ilike(like)))
    if kind in KINDS:
        query = query.where(Member.kind == kind)
    if status in STATUSES:
        query = query.where(Member.status == status)
    page = db.paginate(query, page=page_arg(), per_page=50, error_out=False)
    return render_template("members/index.html", page=page, q=q, kind=kind, status=status, kinds=KINDS,
                           statuses=STATUSES)


def _form_page(member, form, errors, status=200):
    return render_template("members/form.html", member=member, form=form, errors=errors, kinds=KINDS), status


@bp.route("/anggota/baru", methods=["GET", "POST"])
@role_required("manajer")
def new():
    if request.method == "GET":
        return _form_page(None, {"kind": "santri", "joined_on": clock.today().isoformat(), "uuid": new_uuid()}, {})
    try:
        with transaction():
            member = registry.register(registry.clean(request.form), user=current_user,
                                       act=act_uuid(request.form.get("uuid"), field="_"))
    except Refusal as exc:  # MemberRefused, or a form UUID that is no UUID
        return _form_page(None, request.form, {exc.field or "_": str(exc)}, 400)
    flash(_('Anggota %(number)s %(name)s terdaftar.', number=member.number, name=member.name), "success")
    return redirect(url_for("members.detail", member_id=member.id))


@bp.route("/anggota/<int:member_id>/ubah", methods=["GET", "POST"])
@role_required("manajer")
def edit(member_id):
    member = member_or_404(member_id)
    if request.method == "GET":
        form = {k: getattr(member, k) for k in registry.FIELDS}
        form["joined_on"] = member.joined_on.isoformat()
        return _form_page(member, form, {})
    try:
        with transaction():
            registry.update(member, registry.clean(request.form), user=current_user)
    except MemberRefused as exc:
        return _form_page(member, request.form, {exc.field or "_": str(exc)}, 400)
    flash(_("Data anggota tersimpan."), "success")
    return redirect(url_for("members.detail", member_id=member.id))


def detail_page(member, errors=None, status=200):
    return render_template("members/detail.html", member=member, status=savings.status(member),
                           statement=savings.statement(member)[::-1], moves=credit.moves_of(member)[::-1],
                           available=credit.available(member), errors=errors or {}, uuid=new_uuid(),
                           managers=managers(), methods=savings.METHODS), status


@bp.get("/anggota/<int:member_id>")
@role_required("kasir")
def detail(member_id):
    return detail_page(member_or_404(member_id))


def _detail_again(refusal):
    return detail_page(member_or_404(request.view_args["member_id"]), {refusal.field or "_": str(refusal)}, 400)


@bp.post("/anggota/<int:member_id>/kartu-baru")
@role_required("manajer")
@writes(render=_detail_again)
def reissue(member_id):
    member = member_or_404(member_id)
    card = registry.block_and_reissue(member, request.form.get("reason"), user=current_user)
    flash(_('Kartu lama diblokir; kartu baru %(code)s. Cetak kartunya.', code=card.code), "success")
    return redirect(url_for("members.detail", member_id=member.id))


@bp.post("/anggota/<int:member_id>/keluar")
@role_required("kasir")
@writes(render=_detail_again)
def leave(member_id):
    member = member_or_404(member_id)
    paid = savings.pay_out(member, current_user, approval=approval_from_request(),
                           method=request.form.get("method", "cash"), reference=request.form.get("reference", ""))
    total = sum(s.amount for s in paid)
    flash(_('%(name)s keluar dari keanggotaan; simpanan dikembalikan %(total)s', name=member.name, total=format(total, ',')).replace(",", ".") + ".",
          "success")
    return redirect(url_for("members.detail", member_id=member.id))


@bp.get("/anggota/kartu.pdf")
@role_required("manajer")
def cards_pdf():
    ids = [int(i) for i in request.args.getlist("id") if i.isdigit()]
    query = db.select(Member).where(Member.status == "aktif").order_by(Member.number)
    if ids:
        query = query.where(Member.id.in_(ids))
    pdf = cards.cards_pdf(db.session.scalars(query).all(), get_settings().shop_name)
    return pdf, 200, {"Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="kartu-anggota.pdf"'}


@bp.route("/anggota/pengaturan", methods=["GET", "POST"])
@role_required("admin")
@writes(render=flash_and_go(lambda: url_for("members.settings_page")))
def settings_page():
    if request.method == "POST":
        save_settings(member_settings.clean_form(request.form), actor=current_user)
        flash(_("Pengaturan anggota tersimpan."), "success")
        return redirect(url_for("members.settings_page"))
    return render_template("members/settings.html", settings=get_settings(), parts=member_settings.SHU_PARTS)
