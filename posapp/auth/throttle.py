"""Lock a key for a while after repeated failures (logins per account and per address, PINs)."""
from datetime import timedelta

from flask import current_app

from .. import clock
from ..extensions import db
from .models import LoginThrottle


def locked_for(keys) -> int:
    """Seconds until every given key is unlocked (0 when none is locked)."""
    now = clock.now()
    rows = db.session.scalars(db.select(LoginThrottle).where(LoginThrottle.key.in_(keys))).all()
    waits = [(r.locked_until - now).total_seconds() for r in rows if r.locked_until and r.locked_until > now]
    return int(max(waits)) + 1 if waits else 0


def record_failure(keys) -> None:
    """Count a failure on each key; the fifth locks it for the configured time."""
    now = clock.now()
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    for key in keys:
        row = db.session.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0)
        if row.locked_until and row.locked_until <= now:
            row.failures = 0
            row.locked_until = None
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= limit:
            row.locked_until = now + timedelta(seconds=current_app.config["LOGIN_LOCK_SECONDS"])
        db.session.add(row)
    db.session.flush()


def clear(keys) -> None:
    db.session.execute(db.delete(LoginThrottle).where(LoginThrottle.key.in_(keys)))
