"""Admin login throttling, the same rule as the shop's (posapp/auth/throttle.py) on the hub's own tables.

Keys are `user:<name>` and `ip:<address>`: the fifth failure on a key locks it for five minutes
(HUB_LOGIN_MAX_FAILURES, HUB_LOGIN_LOCK_SECONDS); a login is refused while any of its keys is locked,
and a success clears them. Failures are counted with an upsert, so two gunicorn workers failing at
once cannot both insert the same key.
"""
from datetime import timedelta

from flask import current_app
from sqlalchemy import case
from sqlalchemy.dialects.postgresql import insert

from ..limits import storable_text
from .extensions import db
from .models import HubLoginThrottle
from .security import hub_now


def keys_for(username: str, address: str | None) -> list[str]:
    name = username.strip().lower() if storable_text(username) else repr(username)
    return [f"user:{name[:100]}", f"ip:{(address or '-')[:100]}"]


def locked_for(keys) -> int:
    """Seconds until every given key is unlocked (0 when none is locked)."""
    now = hub_now()
    rows = db.session.scalars(db.select(HubLoginThrottle).where(HubLoginThrottle.key.in_(keys))).all()
    waits = [(r.locked_until - now).total_seconds() for r in rows if r.locked_until and r.locked_until > now]
    return int(max(waits)) + 1 if waits else 0


def record_failure(keys) -> None:
    """Count a failure on each key (a lock that has run out starts the count again); the fifth locks it."""
    now, table = hub_now(), HubLoginThrottle.__table__
    expired = table.c.locked_until.is_not(None) & (table.c.locked_until <= now)
    for key in keys:
        statement = insert(table).values(key=key, failures=1, locked_until=None, last_failure_at=now)
        failures = db.session.execute(statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"failures": case((expired, 1), else_=table.c.failures + 1),
                  "locked_until": case((expired, None), else_=table.c.locked_until),
                  "last_failure_at": now}).returning(table.c.failures)).scalar_one()
        if failures >= current_app.config["HUB_LOGIN_MAX_FAILURES"]:
            until = now + timedelta(seconds=current_app.config["HUB_LOGIN_LOCK_SECONDS"])
            db.session.execute(db.update(HubLoginThrottle).where(HubLoginThrottle.key == key)
                               .values(locked_until=until))


def clear(keys) -> None:
    db.session.execute(db.delete(HubLoginThrottle).where(HubLoginThrottle.key.in_(keys)))


def minutes(seconds: int) -> str:
    return f"{(seconds + 59) // 60} menit"
