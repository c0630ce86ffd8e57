"""The audit log page (manajer): who did what, when, from where."""
from .. import clock

from flask import render_template, request

from ..inputs import page_arg
from ..roles import role_required
from . import service
from .blueprint import bp
from .words import action_words


@bp.get("/")
@role_required("manajer")
def index():
    day = _parse_day(request.args.get("tanggal"))
    page = service.search(action=request.args.get("aksi") or None,
                          username=request.args.get("pengguna") or None,
                          day=day, page=page_arg())
    return render_template("audit/index.html", page=page, day=day, action_words=action_words)


def _parse_day(text):
    return clock.parse_date(text) if text else None
