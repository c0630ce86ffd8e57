"""Province admin pages (login required): koperasi, enrolment codes, keys, totals, vehicle register."""
from datetime import timedelta

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from sqlalchemy import func

from .. import clock
from .extensions import db, login_manager
from .models import HubUser, Koperasi, Record, Rejection, ShopKey, Vehicle

bp = Blueprint("hub_admin", __name__)


@login_manager.user_loader
def _load_user(user_id):
    return db.session.get(HubUser, int(user_id)) if user_id.isdigit() else None


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        user = db.session.scalar(db.select(HubUser).where(HubUser.username == request.form.get("username", "")))
        if user and user.check_password(request.form.get("password", "")):
            login_user(user)
            return redirect(url_for("hub_admin.koperasi"))
        error = "Nama pengguna atau kata sandi salah."
    return render_template("hub/login.html", error=error)


@bp.post("/keluar")
@login_required
def logout():
    logout_user()
    return redirect(url_for("hub_admin.login"))


@bp.get("/")
@login_required
def koperasi():
    shops = db.session.scalars(db.select(Koperasi).order_by(Koperasi.code)).all()
    rejected = dict(db.session.execute(db.select(Rejection.shop_id, func.count(func.distinct(Rejection.uuid)))
                                       .group_by(Rejection.shop_id)).all())
    keys = db.session.scalars(db.select(ShopKey).order_by(ShopKey.created_at)).all()
    # every change of a member is its own record: count the members, not the records
    members = dict(db.session.execute(
        db.select(Record.shop_id, func.count(func.distinct(Record.payload["member_uuid"].astext)))
        .where(Record.kind == "member").group_by(Record.shop_id)).all())
    return render_template("hub/koperasi.html", shops=shops, rejected=rejected, keys=keys, members=members,
                           stale_before=clock.now() - timedelta(hours=48))


@bp.post("/koperasi")
@login_required
def add_koperasi():
    from .service import add_koperasi as add, issue_code
    code, name = request.form.get("code", "").strip(), request.form.get("name", "").strip()
    if not code or not name or len(code) > 20:
        flash("Kode (paling panjang 20) dan nama koperasi wajib diisi.", "error")
        return redirect(url_for("hub_admin.koperasi"))
    if db.session.scalar(db.select(Koperasi).where(Koperasi.code == code.upper())):
        flash(f"Kode {code.upper()} sudah dipakai.", "error")
        return redirect(url_for("hub_admin.koperasi"))
    shop = add(code, name, request.form.get("regency", ""))
    enrol_code = issue_code(shop, current_app.config["HUB_ENROL_CODE_HOURS"])
    db.session.commit()
    flash(f"{shop.code} terdaftar. Kode pendaftaran sekali pakai: {enrol_code}", "success")
    return redirect(url_for("hub_admin.koperasi"))


@bp.post("/koperasi/<int:shop_id>/kode")
@login_required
def new_code(shop_id):
    from .service import issue_code
    shop = db.get_or_404(Koperasi, shop_id)
    enrol_code = issue_code(shop, current_app.config["HUB_ENROL_CODE_HOURS"])
    db.session.commit()
    flash(f"Kode pendaftaran baru untuk {shop.code}: {enrol_code}", "success")
    return redirect(url_for("hub_admin.koperasi"))


@bp.post("/kunci/<key_id>/cabut")
@login_required
def revoke(key_id):
    from .service import revoke_key
    key = db.get_or_404(ShopKey, key_id)
    revoke_key(key)
    db.session.commit()
    flash(f"Kunci {key.key_id} dicabut.", "success")
    return redirect(url_for("hub_admin.koperasi"))


@bp.get("/total")
@login_required
def totals():
    from .feeds import daily_totals, shop_day_totals
    last = clock.today()
    first = last - timedelta(days=int(request.args.get("hari", "14")) if request.args.get("hari", "").isdigit() else 14)
    return render_template("hub/totals.html", per_shop=shop_day_totals(first, last),
                           province=daily_totals(first, last), first=first, last=last)


@bp.get("/kendaraan")
@login_required
def vehicles():
    from ..samsat.plates import normalise_plate
    query = db.select(Vehicle).order_by(Vehicle.plate)
    plate = request.args.get("plat", "").strip()
    if plate:
        query = query.where(Vehicle.plate.startswith(normalise_plate(plate)))
    page = max(int(request.args.get("hal", "1")) if request.args.get("hal", "").isdigit() else 1, 1)
    rows = db.session.scalars(query.offset((page - 1) * 50).limit(51)).all()
    total = db.session.scalar(db.select(func.count()).select_from(Vehicle))
    return render_template("hub/vehicles.html", vehicles=rows[:50], more=len(rows) > 50, page=page,
                           plate=plate, total=total, today=clock.today())
