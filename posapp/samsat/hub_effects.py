"""What the hub's answers do to Samsat payments (registered in the wire's effects table by posapp.features)."""
from flask import current_app

from . import payments


def payments_held(uuids) -> None:
    """The hub holds these payments: menunggu kirim → terkirim."""
    payments.mark_sent(uuids)


def payment_refused(uuid, code) -> None:
    """The hub refused to store the record (e.g. `bad_sha256`): the payment is ditolak with the reason code.
    (A stored payment the hub does not accept, e.g. `already_paid`, comes down the feed as a verdict.)"""
    payments.apply_confirmation(uuid, "ditolak", reason=code)


def verdicts(changes, before=None) -> None:
    """A page of the hub's "samsat" feed: each verdict becomes a status event, in the page's transaction."""
    for change in changes:
        try:
            payments.apply_hub_verdict(change["payload"])
        except (KeyError, TypeError, ValueError) as exc:  # one malformed verdict must not stop the feed
            current_app.logger.warning("Konfirmasi Samsat %s tidak dapat diterapkan: %s", change.get("key"), exc)

