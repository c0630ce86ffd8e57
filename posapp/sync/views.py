"""The sync page (status, enrolment, schedule, "Sinkronkan sekarang") and the chip on every page."""
import re
import threading

from flask import current_app, flash, jsonify, redirect, render_template, request, url_for

from ..audit.service import record
from ..edge import writes
from ..extensions import db
from ..roles import role_required
from ..wire.hub_calls import enrol as enrol_shop
from ..wire.state import current, state as sync_state
from . import events, status
from .blueprint import bp
from .runner import run_sync
from ..i18n import _


@bp.app_context_processor
def _chip():
    """`sync_chip()` for templates/sync/_chip.html (included in base.html); `sync_reason(code)` and
    `record_kind(kind)` in words."""
    return {"sync_chip": status.chip, "sync_reason": status.reason_text, "record_kind": status.kind_label}


def status_page(errors=None, form=None):
    state = current()
    return render_template("sync/status.html", state=state, chip=status.chip(), errors=errors or {},
                           form=form or {}, pending=status.pending_rows(), attention=status.attention_rows(),
                           reconcile=status.reconcile_rows(state), events=events.recent())


@bp.get("/", endpoint="status")
@role_required("manajer")
def status_view():
    return status_page()


def _enrol_page_again(refusal):
    form = {"hub_url": request.form.get("hub_url", ""), "code": request.form.get("code", "")}
    return status_page(errors={refusal.field or "_": refusal.message}, form=form), 400


@bp.post("/daftar")
@role_required("admin")
@writes(render=_enrol_page_again)
def enrol():
    state = enrol_shop(request.form.get("hub_url", ""), request.form.get("code", ""))
    record("sync.enrol", f"hub={state.hub_url} toko={state.shop_code}")
    flash(_('Toko terdaftar ke server provinsi sebagai %(shop_code)s.', shop_code=state.shop_code), "success")
    return redirect(url_for("sync.status"))


@bp.post("/jadwal")
@role_required("admin")
@writes()
def schedule():
    value = request.form.get("nightly_at", "").strip()
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        return status_page(errors={"nightly_at": _("Tulis jam sebagai JJ:MM, misalnya 21:00.")},
                           form={"nightly_at": value}), 400
    sync_state().nightly_at = value
    record("sync.schedule", f"nightly_at={value}")
    flash(_('Sinkronisasi malam dijadwalkan pukul %(value)s WIB.', value=value), "success")
    return redirect(url_for("sync.status"))


@bp.post("/sekarang")
@role_required("manajer")
def run_now():
    """Start a sync; in the background so the page (and the sales) never wait for it."""
    if current_app.config.get("SYNC_RUN_INLINE", current_app.testing):
        outcome = run_sync()
        flash(outcome["message"], "success" if outcome["ok"] else "error")
    else:
        app = current_app._get_current_object()
        threading.Thread(target=_in_background, args=(app,), daemon=True, name="sync-now").start()
        flash(_("Sinkronisasi dimulai."), "success")
    return redirect(url_for("sync.status"))


@bp.get("/chip.json")
@role_required("kasir")
def chip_json():
    chip = status.chip()
    return jsonify({k: v for k, v in chip.items() if k != "last_success"})


def _in_background(app):
    with app.app_context():
        try:
            run_sync()
        finally:
            db.session.remove()
