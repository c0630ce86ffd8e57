"""The reusable manager-approval step: a PIN on the spot authorises one act.

The view reads the approver and PIN the kasir's screen sent (`approval_from_request`) and passes them
to the service, which calls `require_approval(...)` inside the act's own transaction, so the act and
its approval (written to the audit log) commit together or not at all.
"""
from dataclasses import dataclass

from flask import request

from .. import audit
from ..inputs import json_object
from . import service
from ..i18n import _


@dataclass(frozen=True)
class Approval:
    """The approving manager's username and PIN as typed at the kasir's screen (empty: none given)."""
    approver: str = ""
    pin: str = ""
    address: str = ""  # where the PIN was typed: wrong PINs lock that approver there only


def approval_from_request() -> Approval:
    """The approver and PIN from a form or a JSON body."""
    data = json_object("pin") if request.is_json else request.form
    if not isinstance(data, dict) and not hasattr(data, "get"):
        return Approval()
    return Approval(str(data.get("approver") or "").strip(), str(data.get("pin") or "").strip(),
                    request.remote_addr or "")


def require_approval(user, approval: Approval | None, action: str, detail: str):
    """A manajer/admin at the keyboard approves by themselves; a kasir needs a manager's PIN."""
    if user.has_role("manajer"):
        audit.record(f"approval.{action}", f"{detail} — oleh {user.username} sendiri", user=user)
        return user
    approval = approval or Approval()
    if not approval.approver or not approval.pin:
        raise service.AuthRefused(_("Perlu persetujuan manajer: pilih manajer dan masukkan PIN."), "pin")
    return service.approve(approval.approver, approval.pin, action, detail, requested_by=user,
                           address=approval.address)
