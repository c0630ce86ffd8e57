"""Lock after repeated failures — per account *and* address, so no one on the LAN can lock another out.

A login is counted on two keys: the pair `login:<name>@<address>` (LOGIN_MAX_FAILURES, five, lock that
name at that address) and the address `login-ip:<address>` (LOGIN_MAX_ADDRESS_FAILURES, twenty, across
names: guessing many accounts from one PC locks that PC). A manager's PIN the same way, with `pin:`
and `pin-ip:`. A wrong password typed at the kasir PC therefore locks the manager out *at that PC*
only; the manager logs in elsewhere, and a manager or admin can lift any lock on the "Kunci masuk" page.
"""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from .. import clock
from ..extensions import db
from ..i18n import N_
from .models import LoginThrottle

PAIR_PREFIXES = {"login": N_("Masuk"), "pin": N_("PIN persetujuan")}
WHOLE_ADDRESS = {"login": N_("Masuk (semua akun)"), "pin": N_("PIN persetujuan (semua akun)")}


def _name(username: str) -> str:
    return (username or "").strip().lower()[:40]  # usernames are 3-40 characters: a longer one is junk anyway


def _address(address) -> str:
    return (address or "-")[:45]  # an IPv6 address is at most 45 characters


def keys_for(kind: str, username: str, address) -> list[tuple[str, int]]:
    """[(key, failure limit)] for a login (`kind` "login") or a PIN approval ("pin") by `username` at `address`."""
    config = current_app.config
    return [(f"{kind}:{_name(username)}@{_address(address)}", config["LOGIN_MAX_FAILURES"]),
            (f"{kind}-ip:{_address(address)}", config["LOGIN_MAX_ADDRESS_FAILURES"])]


def wallet_keys(wallet_id) -> list[tuple[str, int]]:
    """The one key of a santri wallet's PIN: it locks the wallet at every till."""
    return [(f"wallet:{wallet_id}", current_app.config["LOGIN_MAX_FAILURES"])]


def locked_for(keys) -> int:
    """Seconds until every given key is unlocked (0 when none is locked)."""
    now = clock.now()
    names = [key for key, _ in keys]
    rows = db.session.scalars(db.select(LoginThrottle).where(LoginThrottle.key.in_(names))).all()
    waits = [(r.locked_until - now).total_seconds() for r in rows if r.locked_until and r.locked_until > now]
    return int(max(waits)) + 1 if waits else 0


def record_failure(keys) -> None:
    """Count a failure on each key; at its limit a key locks. A lock that ran out, or failures older than
    LOGIN_FAILURE_WINDOW_SECONDS (a typo last week), start the count again."""
    now = clock.now()
    window = timedelta(seconds=current_app.config["LOGIN_FAILURE_WINDOW_SECONDS"])
    for key, limit in keys:
        row = db.session.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0)
        ran_out = row.locked_until is not None and row.locked_until <= now
        stale = row.locked_until is None and row.last_failure_at is not None and row.last_failure_at < now - window
        if ran_out or stale:
            row.failures = 0
            row.locked_until = None
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= limit:
            row.locked_until = now + timedelta(seconds=current_app.config["LOGIN_LOCK_SECONDS"])
        db.session.add(row)
    db.session.flush()


def clear(keys) -> None:
    """Forget the pair after a success (the address count stays: it counts failures on other names too)."""
    db.session.execute(db.delete(LoginThrottle).where(LoginThrottle.key.in_([keys[0][0]])))


def clear_account(kind: str, username: str) -> None:
    """Lift every `kind` lock of one account, at every address (a new password or PIN was set)."""
    db.session.execute(db.delete(LoginThrottle).where(
        LoginThrottle.key.startswith(f"{kind}:{_name(username)}@", autoescape=True)))


@dataclass(frozen=True)
class Lock:
    key: str
    what: str          # "Masuk" or "PIN persetujuan"
    username: str      # "" for a whole address
    address: str
    failures: int
    until: object      # aware UTC


def active_locks() -> list[Lock]:
    """Locks in force now, newest first (for the "Kunci masuk" page)."""
    rows = db.session.scalars(db.select(LoginThrottle).where(LoginThrottle.locked_until > clock.now())
                              .order_by(LoginThrottle.locked_until.desc())).all()
    return [_lock(row) for row in rows]


def _lock(row) -> Lock:
    kind, _, rest = row.key.partition(":")
    base = kind.removesuffix("-ip")
    username, _, address = rest.rpartition("@") if base == kind else ("", "", rest)
    what = (PAIR_PREFIXES if base == kind else WHOLE_ADDRESS).get(base, base)
    return Lock(row.key, what, username, address, row.failures, row.locked_until)


def unlock(key: str) -> Lock | None:
    """Lift one lock; the lock lifted, or None when there was none."""
    row = db.session.get(LoginThrottle, key)
    if row is None or not row.locked_until or row.locked_until <= clock.now():
        return None
    lock = _lock(row)
    db.session.delete(row)
    db.session.flush()
    return lock


def locked_usernames() -> set[str]:
    return {lock.username for lock in active_locks() if lock.username}
