"""Write audit entries (added to the caller's transaction; never committed here)."""
from flask import has_request_context, request
from flask_login import current_user

from ..extensions import db
from .models import AuditEntry

_ANONYMOUS = object()


def record(action: str, detail: str = "", user=_ANONYMOUS, address: str | None = None) -> AuditEntry:
    """Record `action`; the user defaults to the logged-in one, the address to the client's."""
    if user is _ANONYMOUS:
        user = current_user if has_request_context() and current_user.is_authenticated else None
    if address is None:
        address = request.remote_addr or "" if has_request_context() else "cli"
    entry = AuditEntry(action=action, detail=detail[:2000], address=address,
                       user_id=getattr(user, "id", None), username=getattr(user, "username", "") or "")
    db.session.add(entry)
    return entry


def search(action=None, username=None, day=None, page=1, per_page=100):
    query = db.select(AuditEntry).order_by(AuditEntry.id.desc())
    if action:
        query = query.where(AuditEntry.action.like(f"{action}%"))
    if username:
        query = query.where(AuditEntry.username == username)
    if day:
        from datetime import datetime, time, timedelta

        from ..clock import WIB
        start = datetime.combine(day, time(), WIB)
        query = query.where(AuditEntry.at >= start, AuditEntry.at < start + timedelta(days=1))
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
