from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from .. import audit
from ..extensions import db, login_manager
from . import service
from .decorators import role_required
from .models import ROLE_LABELS, User

bp = Blueprint("auth", __name__)
login_manager.login_view = "auth.login"
login_manager.login_message = "Silakan masuk terlebih dahulu."
login_manager.login_message_category = "warning"


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("shop.home"))
    error = None
    if request.method == "POST":
        try:
            user = service.authenticate(request.form.get("username"), request.form.get("password"),
                                        request.remote_addr or "")
        except service.AuthError as exc:
            error = str(exc)
            db.session.commit()  # keep the failure count
        else:
            db.session.commit()
            login_user(user)
            return redirect(_safe_next() or url_for("shop.home"))
    return render_template("auth/login.html", error=error), 401 if error else 200


def _safe_next():
    target = request.args.get("next", "")
    return target if target.startswith("/") and not target.startswith("//") else None


@bp.post("/keluar")
@login_required
def logout():
    audit.record("logout", current_user.username)
    db.session.commit()
    logout_user()
    flash("Anda sudah keluar.", "info")
    return redirect(url_for("auth.login"))


@bp.get("/pengguna")
@role_required("admin")
def users():
    rows = db.session.scalars(db.select(User).order_by(User.active.desc(), User.role, User.username)).all()
    return render_template("auth/users.html", users=rows, roles=ROLE_LABELS)


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@role_required("admin")
def user_new():
    error = None
    if request.method == "POST":
        f = request.form
        try:
            user = service.create_user(f.get("username"), f.get("full_name"), f.get("role"),
                                       f.get("password") or "", f.get("pin") or None, actor=current_user)
        except service.AuthError as exc:
            db.session.rollback()
            error = exc
        else:
            db.session.commit()
            flash(f"Akun {user.username} dibuat.", "success")
            return redirect(url_for("auth.users"))
    return render_template("auth/user_new.html", form=request.form, error=error, roles=ROLE_LABELS), \
        400 if error else 200


@bp.route("/pengguna/<int:user_id>", methods=["GET", "POST"])
@role_required("admin")
def user_edit(user_id):
    user = db.session.get(User, user_id) or abort(404)
    error = None
    if request.method == "POST":
        try:
            _apply_user_action(user, request.form)
        except service.AuthError as exc:
            db.session.rollback()
            error = exc
        else:
            db.session.commit()
            flash("Perubahan akun tersimpan.", "success")
            return redirect(url_for("auth.user_edit", user_id=user.id))
    return render_template("auth/user_edit.html", user=user, error=error), 400 if error else 200


def _apply_user_action(user, form):
    action = form.get("action")
    if action == "password":
        service.set_password(user, form.get("password") or "", actor=current_user)
    elif action == "pin":
        service.set_pin(user, form.get("pin") or "", actor=current_user)
    elif action in ("disable", "enable"):
        service.set_active(user, action == "enable", actor=current_user)
    else:
        raise service.AuthError("Aksi tidak dikenal.")
