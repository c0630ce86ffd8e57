from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from ..auth.decorators import role_required
from ..auth.service import has_users
from ..extensions import db
from . import service

bp = Blueprint("shop", __name__)
IDENTITY_FIELDS = ("shop_name", "shop_address", "shop_code", "receipt_header", "receipt_footer")


@bp.before_app_request
def require_setup():
    """Until the first admin exists, every page leads to the setup page."""
    if current_app.extensions.get("posapp_ready"):
        return None
    if request.endpoint in ("shop.setup", "static") or request.path.startswith("/static/"):
        return None
    if has_users():
        current_app.extensions["posapp_ready"] = True
        return None
    return redirect(url_for("shop.setup"))


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    if has_users():
        return redirect(url_for("auth.login"))
    errors = {}
    if request.method == "POST":
        try:
            admin = service.first_setup(request.form)
        except service.SettingsError as exc:
            db.session.rollback()
            errors = exc.errors
        else:
            db.session.commit()
            login_user(admin)
            flash("Aplikasi siap dipakai. Tambahkan akun kasir dan manajer di menu Pengguna.", "success")
            return redirect(url_for("auth.users"))
    return render_template("shop/setup.html", form=request.form, errors=errors), 400 if errors else 200


@bp.get("/")
@login_required
def home():
    """The landing page: the cashier home for every role, with what the role may open."""
    return render_template("shop/home.html")


@bp.route("/pengaturan/toko", methods=["GET", "POST"])
@role_required("admin")
def identity():
    errors = {}
    form = request.form if request.method == "POST" else vars(g.get("shop_settings") or service.get_settings())
    if request.method == "POST":
        try:
            values = service.clean_identity(request.form)
            limit = _int_field(request.form, "discount_limit_percent", 0, 100, errors,
                               "Batas diskon 0–100 persen.")
            fee = _int_field(request.form, "samsat_fee", 0, 1_000_000, errors,
                             "Biaya loket Samsat 0–1.000.000 rupiah.")
            if errors:
                raise service.SettingsError(errors)
            values.update(discount_limit_percent=limit, samsat_fee=fee,
                          allow_negative_stock=request.form.get("allow_negative_stock") == "on")
            service.save_settings(values, actor=current_user)
        except service.SettingsError as exc:
            db.session.rollback()
            errors = exc.errors
        else:
            db.session.commit()
            flash("Pengaturan toko tersimpan.", "success")
            return redirect(url_for("shop.identity"))
    return render_template("shop/identity.html", form=form, errors=errors), 400 if errors else 200


def _int_field(form, name, low, high, errors, message):
    text = (form.get(name) or "0").strip().replace(".", "")
    if not text.isdigit() or not low <= int(text) <= high:
        errors[name] = message
        return None
    return int(text)
