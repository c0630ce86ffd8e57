"""Roles and the one role check: @role_required("manajer") (core: every feature's views use it)."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required

ROLE_RANK = {"kasir": 1, "manajer": 2, "admin": 3}


def role_required(role: str):
    """Logged in and at least `role` (kasir < manajer < admin), else 403."""
    def decorate(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorate
