from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_login.utils import login_url

from .. import audit
from ..edge import flash_and_go, writes
from ..errors import wants_json
from ..extensions import db, login_manager
from ..roles import role_required
from . import service, throttle
from .blueprint import bp
from .models import ROLE_LABELS, User
from ..i18n import N_, _

login_manager.login_view = "auth.login"
login_manager.login_message = N_("Silakan masuk terlebih dahulu.")
login_manager.localize_callback = _
login_manager.login_message_category = "warning"


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


SESSION_ENDED = N_("Sesi Anda sudah berakhir. Masuk lagi untuk melanjutkan; keranjang tetap tersimpan.")


@login_manager.unauthorized_handler
def unauthorized():
    """A page goes to the login form; a JSON call (the cashier screen) hears that the session ended."""
    if wants_json():
        return jsonify(ok=False, error=_(SESSION_ENDED), field=None, login_required=True), 401
    flash(_(login_manager.login_message), login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, request.url))


def _login_again(refusal):
    return render_template("auth/login.html", error=str(refusal)), 401


@bp.route("/masuk", methods=["GET", "POST"])
@writes(render=_login_again)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("shop.home"))
    if request.method == "POST":
        user = service.authenticate(request.form.get("username"), request.form.get("password"),
                                    request.remote_addr or "")
        login_user(user)
        return redirect(_safe_next() or url_for("shop.home"))
    return render_template("auth/login.html", error=None)


def _safe_next():
    target = request.args.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else None


@bp.post("/keluar")
@login_required
@writes()
def logout():
    audit.record("logout", current_user.username)
    logout_user()
    flash(_("Anda sudah keluar."), "info")
    return redirect(url_for("auth.login"))


@bp.get("/pengguna")
@role_required("admin")
def users():
    rows = db.session.scalars(db.select(User).order_by(User.active.desc(), User.role, User.username)).all()
    return render_template("auth/users.html", users=rows, roles=ROLE_LABELS, locked=throttle.locked_usernames())


@bp.get("/pengguna/kunci")
@role_required("manajer")
def locks():
    """Logins and PINs locked now, by account and address, each with an unlock button."""
    return render_template("auth/locks.html", locks=throttle.active_locks())


@bp.post("/pengguna/kunci/buka")
@role_required("manajer")
@writes(render=flash_and_go(lambda: url_for("auth.locks")))
def unlock():
    lock = service.lift_lock(request.form.get("key") or "", actor=current_user)
    flash(_('Kunci dibuka: %(what)s %(username)s dari %(address)s.',
            what=_(lock.what), username=lock.username, address=lock.address).replace("  ", " "), "success")
    return redirect(url_for("auth.locks"))


def _user_new_again(refusal):
    return render_template("auth/user_new.html", form=request.form, error=refusal, roles=ROLE_LABELS), 400


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@role_required("admin")
@writes(render=_user_new_again)
def user_new():
    if request.method == "POST":
        f = request.form
        user = service.create_user(f.get("username"), f.get("full_name"), f.get("role"),
                                   f.get("password") or "", f.get("pin") or None, actor=current_user)
        flash(_('Akun %(username)s dibuat.', username=user.username), "success")
        return redirect(url_for("auth.users"))
    return render_template("auth/user_new.html", form=request.form, error=None, roles=ROLE_LABELS)


def _user_edit_again(refusal):
    user = db.session.get(User, request.view_args["user_id"]) or abort(404)
    return render_template("auth/user_edit.html", user=user, error=refusal), 400


@bp.route("/pengguna/<int:user_id>", methods=["GET", "POST"])
@role_required("admin")
@writes(render=_user_edit_again)
def user_edit(user_id):
    user = db.session.get(User, user_id) or abort(404)
    if request.method == "POST":
        _apply_user_action(user, request.form)
        flash(_("Perubahan akun tersimpan."), "success")
        return redirect(url_for("auth.user_edit", user_id=user.id))
    return render_template("auth/user_edit.html", user=user, error=None)


def _apply_user_action(user, form):
    action = form.get("action")
    if action == "password":
        service.set_password(user, form.get("password") or "", actor=current_user)
    elif action == "pin":
        service.set_pin(user, form.get("pin") or "", actor=current_user)
    elif action in ("disable", "enable"):
        service.set_active(user, action == "enable", actor=current_user)
    else:
        raise service.AuthRefused(_("Aksi tidak dikenal."))
