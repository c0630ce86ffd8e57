"""Province admin pages (login required): koperasi, enrolment codes, keys, vehicle register (dashboard and totals:
dashboard_views.py)."""
from datetime import timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from sqlalchemy import func

from .. import clock
from ..limits import is_row_id, storable_text
from .extensions import db, login_manager
from .facts import HubMember
from .models import HubUser, Koperasi, Rejection, ShopKey, Vehicle

bp = Blueprint("hub_admin", __name__)


@login_manager.user_loader
def _load_user(user_id):
    return db.session.get(HubUser, int(user_id)) if user_id.isdigit() else None


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    error = None
    if request.method == "POST":
        user, error = _check_login(request.form.get("username", ""), request.form.get("password", ""))
        db.session.commit()  # failures are counted even though the login is refused
        if user is not None:
            login_user(user)
            return redirect(url_for("hub_admin.dashboard_page"))
    return render_template("hub/login.html", error=error)


def _check_login(username: str, password: str):
    """(user, None) or (None, message): five failures lock the account and the address for five minutes."""
    from . import throttle
    keys = throttle.keys_for(username, request.remote_addr)
    wait = throttle.locked_for(keys)
    if wait:
        return None, f"Terlalu banyak percobaan gagal. Coba lagi dalam {throttle.minutes(wait)}."
    user = None
    if len(username) <= 60 and storable_text(username):
        user = db.session.scalar(db.select(HubUser).where(HubUser.username == username))
    if user is None or not user.check_password(password):
        throttle.record_failure(keys)
        return None, "Nama pengguna atau kata sandi salah."
    throttle.clear(keys)
    return user, None


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
    # every change of a member is its own record: count the members (kept at ingest), not the records
    members = dict(db.session.execute(db.select(HubMember.shop_id, func.count())
                                      .group_by(HubMember.shop_id)).all())
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
    shop = db.get_or_404(Koperasi, shop_id) if is_row_id(shop_id) else abort(404)  # past INTEGER: no row
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


def page_arg(name="hal", default=1, most=100_000) -> int:
    """A whole number 1 … `most` from the query string (junk or nothing is `default`)."""
    value = request.args.get(name, "")
    return min(int(value), most) if value.isascii() and value.isdigit() and int(value) > 0 else default


def text_arg(name) -> str:
    """A search text PostgreSQL can hold (a NUL would make the query fail): junk is no search."""
    value = request.args.get(name, "").strip()[:100]
    return value if storable_text(value) else ""


@bp.get("/kendaraan")
@login_required
def vehicles():
    from ..samsat.plates import normalise_plate
    query = db.select(Vehicle).order_by(Vehicle.plate)
    plate = text_arg("plat")
    if plate:
        query = query.where(Vehicle.plate.startswith(normalise_plate(plate)))
    page = page_arg()
    rows = db.session.scalars(query.offset((page - 1) * 50).limit(51)).all()
    total = db.session.scalar(db.select(func.count()).select_from(Vehicle))
    return render_template("hub/vehicles.html", vehicles=rows[:50], more=len(rows) > 50, page=page,
                           plate=plate, total=total, today=clock.today())
