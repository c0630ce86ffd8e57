from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user

from .. import qris
from ..auth.service import has_users
from ..edge import writes
from ..roles import role_required
from . import service
from .blueprint import bp
from ..i18n import _

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


def _setup_again(refusal):
    return render_template("shop/setup.html", form=request.form, errors=refusal.errors), 400


@bp.route("/setup", methods=["GET", "POST"])
@writes(render=_setup_again)
def setup():
    if has_users():
        return redirect(url_for("auth.login"))
    if request.method == "POST":
        admin = service.first_setup(request.form)
        login_user(admin)
        flash(_("Aplikasi siap dipakai. Tambahkan akun kasir dan manajer di menu Pengguna."), "success")
        return redirect(url_for("auth.users"))
    return render_template("shop/setup.html", form=request.form, errors={})


@bp.get("/")
@login_required
def home():
    """The landing page: the cashier home for every role, with what the role may open."""
    return render_template("shop/home.html")


def _identity_again(refusal):
    return render_template("shop/identity.html", form=request.form, errors=refusal.errors), 400


@bp.route("/pengaturan/toko", methods=["GET", "POST"])
@role_required("admin")
@writes(render=_identity_again)
def identity():
    if request.method == "POST":
        service.save_settings(_identity_values(request.form), actor=current_user)
        flash(_("Pengaturan toko tersimpan."), "success")
        return redirect(url_for("shop.identity"))
    form = vars(g.get("shop_settings") or service.get_settings())
    return render_template("shop/identity.html", form=form, errors={})


def _identity_values(form) -> dict:
    """The identity and counter settings from the form; SettingsRefused names every bad field."""
    errors = {}
    try:
        values = service.clean_identity(form)
    except service.SettingsRefused as exc:
        values, errors = {}, dict(exc.errors)
    limit = _int_field(form, "discount_limit_percent", 0, 100, errors, _("Batas diskon 0–100 persen."))
    fee = _int_field(form, "samsat_fee", 0, 1_000_000, errors, _("Biaya loket Samsat 0–1.000.000 rupiah."))
    idle = _int_field(form, "idle_lock_minutes", 0, 240, errors, _("Kunci layar 0–240 menit (0: tidak dikunci)."))
    payload = _qris_payload(form, errors)
    if errors:
        raise service.SettingsRefused(errors)
    return {**values, "discount_limit_percent": limit, "samsat_fee": fee, "idle_lock_minutes": idle,
            "qris_payload": payload, "cash_rounding": form.get("cash_rounding") == "on",
            "allow_negative_stock": form.get("allow_negative_stock") == "on"}


def _qris_payload(form, errors) -> str:
    """The shop's printed QRIS payload, checked (CRC included); empty: no QRIS on the screen."""
    text = (form.get("qris_payload") or "").replace("\r", "").replace("\n", "").strip()  # a pasted line break
    if text:
        try:
            qris.parse(text)
        except qris.QrisError as exc:
            errors["qris_payload"] = str(exc)
    return text


def _int_field(form, name, low, high, errors, message):
    text = (form.get(name) or "0").strip().replace(".", "")
    if not text.isdigit() or not low <= int(text) <= high:
        errors[name] = message
        return None
    return int(text)
