"""The cashier screen's member API: find a member by name or number, read one member (JSON)."""
from flask import jsonify, request

from ..extensions import db
from ..roles import role_required
from . import credit, registry
from .blueprint import bp
from .models import Member
from ..i18n import _


def member_json(member: Member) -> dict:
    card = member.card
    return {"id": member.id, "number": member.number, "name": member.name, "kind": member.kind,
            "kind_label": _(member.kind_label), "active": member.active, "card": card.code if card else None,
            "credit": {"limit": member.credit_limit, "open": member.credit_open,
                       "available": credit.available(member)}}


@bp.get("/kasir/api/anggota")
@role_required("kasir")
def search():
    return jsonify(members=[member_json(m) for m in registry.search(request.args.get("q", ""))])


@bp.get("/kasir/api/anggota/<int:member_id>")
@role_required("kasir")
def one(member_id):
    member = db.session.get(Member, member_id)
    if member is None:
        return jsonify(ok=False, error=_("Anggota tidak dikenal."), field="member_id"), 404
    return jsonify(ok=True, member=member_json(member))
