"""The till's session: an ended session logs in again from the screen; the idle lock behind the PIN.

The lock lives in the server session, so a reload or another tab does not get past it. While it is
on, pages lead to /kunci and JSON calls answer 423; the cart stays in the browser, per cashier, so
another cashier may log in and the first one's cart waits for them.
"""
from flask import jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user
from flask_wtf.csrf import generate_csrf

from .. import audit
from ..auth import service as auth
from ..edge import writes
from ..errors import wants_json
from .blueprint import bp
from ..i18n import _

LOCK = "till_locked"
OPEN_WHILE_LOCKED = {"static", "sales.lock_page", "sales.unlock", "sales.session_state", "sales.relogin",
                     "sales.customer_display", "sales.qris_svg", "auth.logout", "auth.login"}


@bp.before_app_request
def locked_till():
    if not session.get(LOCK) or request.endpoint in OPEN_WHILE_LOCKED:
        return None
    if not current_user.is_authenticated:
        session.pop(LOCK, None)
        return None
    if wants_json():
        return jsonify(ok=False, locked=True, error=_("Layar kasir terkunci: masukkan PIN Anda.")), 423
    return redirect(url_for("sales.lock_page", next=request.full_path if request.method == "GET" else None))


def _me() -> dict:
    if not current_user.is_authenticated:
        return {"authenticated": False, "user_id": None}
    return {"authenticated": True, "user_id": current_user.id, "username": current_user.username,
            "full_name": current_user.full_name}


@bp.get("/kasir/api/sesi")
def session_state():
    """Who is logged in, whether the till is locked, and a fresh form token (after a session ended)."""
    return jsonify(ok=True, locked=bool(session.get(LOCK)), csrf=generate_csrf(), **_me())


@bp.post("/kasir/api/masuk")
@writes()
def relogin():
    """Log in from the screen (session ended, or another cashier at a locked till); the lock is lifted."""
    data = request.get_json(silent=True) or {}
    user = auth.authenticate(str(data.get("username") or "")[:60], str(data.get("password") or "")[:200],
                             request.remote_addr or "")
    previous = current_user.id if current_user.is_authenticated else None
    login_user(user)
    session.pop(LOCK, None)
    return jsonify(ok=True, same_user=previous in (None, user.id), csrf=generate_csrf(), **_me())


@bp.post("/kasir/api/kunci")
@login_required
@writes()
def lock():
    """The screen was idle for the shop's minutes: lock it (the cart waits in the browser)."""
    session[LOCK] = True
    audit.record("till.lock", current_user.username, user=current_user)
    return jsonify(ok=True)


def _unlock_from(secret):
    auth.unlock(current_user, str(secret or "")[:200], request.remote_addr or "")
    session.pop(LOCK, None)


@bp.post("/kasir/api/buka")
@login_required
@writes()
def unlock():
    _unlock_from((request.get_json(silent=True) or {}).get("secret"))
    return jsonify(ok=True, csrf=generate_csrf(), **_me())


def _lock_page_again(refusal):
    return render_template("sales/lock.html", error=str(refusal)), 403


@bp.route("/kunci", methods=["GET", "POST"], endpoint="lock_page")
@login_required
@writes(render=_lock_page_again)
def lock_page():
    """The locked till without the screen's script: the PIN, or log out for another cashier."""
    if request.method == "POST":
        _unlock_from(request.form.get("secret"))
        target = request.args.get("next") or ""
        return redirect(target if target.startswith("/") and not target.startswith("//") else url_for("sales.screen"))
    if not session.get(LOCK):
        return redirect(url_for("sales.screen"))
    return render_template("sales/lock.html", error=None)
