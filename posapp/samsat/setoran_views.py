"""The manager's setoran page: deposit confirmed titipan to the province."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..edge import writes
from ..extensions import db
from ..roles import role_required
from . import payments
from . import setoran as setoran_acts
from .blueprint import bp
from .errors import SamsatRefused
from .models import SamsatSetoran
from ..i18n import _


def _setoran_page(errors=None):
    recent = db.session.scalars(db.select(SamsatSetoran).order_by(SamsatSetoran.id.desc()).limit(20)).all()
    rows = setoran_acts.depositable()
    ticked = set(request.form.getlist("payment_id")) if request.method == "POST" else None  # None: all ticked
    return render_template("samsat/setoran.html", rows=rows, held=payments.held(rows), recent=recent,
                           errors=errors or {}, form=request.form, ticked=ticked), 400 if errors else 200


@bp.route("/setoran", methods=["GET", "POST"])
@role_required("manajer")
@writes(render=lambda refusal: _setoran_page({refusal.field or "_": str(refusal)}))
def setoran():
    if request.method == "GET":
        return _setoran_page()
    ids = _payment_ids(request.form)
    done = setoran_acts.record_setoran(current_user, ids, request.form.get("via") or "cash",
                                       request.form.get("note") or "")
    flash(_('Setoran %(setoran_no)s tercatat: %(count)s pembayaran.',
            setoran_no=done.setoran_no, count=len(done.items)), "success")
    return redirect(url_for("samsat.setoran"))


def _payment_ids(form) -> list[int]:
    """The ticked payments' ids; a tampered id is a refusal, not a server error."""
    texts = form.getlist("payment_id")
    if not all(text.isascii() and text.isdigit() and len(text) <= 18 for text in texts):
        raise SamsatRefused(_("Pilihan pembayaran tidak sah; muat ulang halaman."), "payments")
    return [int(text) for text in texts]
