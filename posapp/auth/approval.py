"""The reusable manager-approval step: a PIN on the spot authorises one act.

Call `require_approval(...)` inside the service transaction of the act itself, so the act and its
approval (written to the audit log) commit together or not at all.
"""
from flask import request
from flask_login import current_user

from .. import audit
from . import service


def approval_fields() -> tuple[str, str]:
    """The approver's username and PIN from a form or a JSON body."""
    data = request.get_json(silent=True) or {} if request.is_json else request.form
    return (data.get("approver") or "").strip(), (data.get("pin") or "").strip()


def require_approval(action: str, detail: str):
    """A manajer/admin at the keyboard approves by themselves; a kasir needs a manager's PIN."""
    if current_user.has_role("manajer"):
        audit.record(f"approval.{action}", f"{detail} — oleh {current_user.username} sendiri")
        return current_user
    approver, pin = approval_fields()
    if not approver or not pin:
        raise service.AuthError("Perlu persetujuan manajer: pilih manajer dan masukkan PIN.", "pin")
    return service.approve(approver, pin, action, detail, requested_by=current_user)
