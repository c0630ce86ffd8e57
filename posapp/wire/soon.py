"""Upload soon: a feature asks for its outbox rows to go up now rather than at night.

samsat.md: a Samsat payment goes to the hub in the next sync, at once when online. The sync's
scheduler registers how (a one-off sync a few seconds later, in the background) when the app runs;
in tests and CLI commands nothing is registered and a request does nothing. Never raises.
"""
from flask import current_app

EXTENSION = "wire.soon"


def register(app, fn) -> None:
    """`fn()` schedules an upload soon; registered by the sync's scheduler when it starts."""
    app.extensions[EXTENSION] = fn


def request() -> bool:
    """Ask for an upload soon; True when one was scheduled."""
    fn = current_app.extensions.get(EXTENSION)
    if fn is None:
        return False
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - the nightly sync still sends it
        current_app.logger.warning("Sinkronisasi segera tidak dapat dijadwalkan: %s", exc)
        return False
    return True
