"""Accounts: create, authenticate, change credentials, approve with a manager PIN."""
import re

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit
from ..extensions import db
from ..refusal import Refusal
from ..roles import ROLE_RANK
from . import throttle
from .models import User
from ..i18n import _

USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,40}$")
PIN_RE = re.compile(r"^\d{6}$")


class AuthRefused(Refusal):
    """A login, a PIN or an account change refused; a wrong PIN answers 403 and asks for approval again."""

    status = 403
    extra = {"needs_approval": True}


def _failure(keys, action, detail, user, address=None):
    """Count a failed login or PIN and audit it now, and return the `keep` that writes the same again
    after the edge rolls the refused act back — so the count survives, once, either way."""
    def record():
        throttle.record_failure(keys)
        audit.record(action, detail, user=user, address=address)
    record()
    return record


def _hash(secret: str) -> str:
    return generate_password_hash(secret, method=current_app.config["PASSWORD_HASH_METHOD"])


def validate_password(password: str) -> None:
    if len(password or "") < 8:
        raise AuthRefused(_("Kata sandi minimal 8 karakter."), "password")


def validate_pin(pin: str) -> None:
    if not PIN_RE.match(pin or ""):
        raise AuthRefused(_("PIN harus 6 angka."), "pin")


def create_user(username, full_name, role, password, pin=None, actor=None) -> User:
    username = (username or "").strip().lower()
    if not USERNAME_RE.match(username):
        raise AuthRefused(_("Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis."), "username")
    if role not in ROLE_RANK:
        raise AuthRefused(_("Peran tidak dikenal."), "role")
    if not (full_name or "").strip():
        raise AuthRefused(_("Nama lengkap wajib diisi."), "full_name")
    if db.session.scalar(db.select(User.id).where(User.username == username)):
        raise AuthRefused(_("Nama pengguna sudah dipakai."), "username")
    validate_password(password)
    user = User(username=username, full_name=full_name.strip(), role=role,
                password_hash=_hash(password), active=True)
    if pin:
        validate_pin(pin)
        user.pin_hash = _hash(pin)
    elif role != "kasir":
        raise AuthRefused(_("Manajer dan admin wajib punya PIN 6 angka untuk persetujuan."), "pin")
    db.session.add(user)
    db.session.flush()
    audit.record("user.create", f"{username} ({role})", user=actor)
    return user


def authenticate(username: str, password: str, address: str) -> User:
    """Check a login; five failures lock this account at this address for five minutes (see throttle)."""
    username = (username or "").strip().lower()
    keys = throttle.keys_for("login", username, address)
    wait = throttle.locked_for(keys)
    if wait:
        raise AuthRefused(_('Terlalu banyak percobaan gagal. Coba lagi dalam %(minutes)s.', minutes=_minutes(wait)))
    user = db.session.scalar(db.select(User).where(User.username == username))
    if user is None or not check_password_hash(user.password_hash, password or ""):
        raise AuthRefused(_("Nama pengguna atau kata sandi salah."),
                          keep=_failure(keys, "login.failed", username[:40], None, address))
    if not user.active:
        raise AuthRefused(_("Akun ini dinonaktifkan. Hubungi admin."))
    throttle.clear(keys)
    audit.record("login", username, user=user, address=address)
    return user


def unlock(user: User, secret: str, address: str = "") -> None:
    """The idle-locked till opens again with the user's own PIN (or password when they have no PIN)."""
    keys = throttle.keys_for("unlock", user.username, address)
    wait = throttle.locked_for(keys)
    if wait:
        raise AuthRefused(_('Terlalu banyak percobaan gagal. Coba lagi dalam %(minutes)s.',
                            minutes=_minutes(wait)), "secret")
    secret = secret or ""
    valid = user.active and ((user.pin_hash and check_password_hash(user.pin_hash, secret))
                             or check_password_hash(user.password_hash, secret))
    if not valid:
        raise AuthRefused(_("PIN atau kata sandi salah."), "secret",
                          keep=_failure(keys, "unlock.failed", user.username, user, address))
    throttle.clear(keys)
    audit.record("unlock", user.username, user=user, address=address)


def _minutes(seconds: int) -> str:
    minutes = (seconds + 59) // 60
    return f"{minutes} menit"


def approve(approver_username: str, pin: str, action: str, detail: str, requested_by=None, address=None) -> User:
    """A manager's on-the-spot approval: their PIN authorises one act, written to the audit log.
    Five wrong PINs lock that manager's PIN at that address (`address` of the screen that asked)."""
    username = (approver_username or "").strip().lower()
    key = throttle.keys_for("pin", username, address)
    wait = throttle.locked_for(key)
    if wait:
        raise AuthRefused(_('PIN terkunci karena terlalu banyak salah. Coba lagi dalam %(minutes)s.',
                            minutes=_minutes(wait)), "pin")
    approver = db.session.scalar(db.select(User).where(User.username == username))
    valid = (approver is not None and approver.active and approver.has_role("manajer")
             and approver.pin_hash and check_password_hash(approver.pin_hash, pin or ""))
    if not valid:
        raise AuthRefused(_("PIN manajer salah."), "pin", keep=_failure(
            key, "approval.failed", f"{action}: {detail} (penyetuju {username[:40]})", requested_by, address))
    throttle.clear(key)
    audit.record(f"approval.{action}", f"{detail} — disetujui {approver.username}", user=requested_by)
    return approver


def set_password(user: User, password: str, actor=None) -> None:
    validate_password(password)
    user.password_hash = _hash(password)
    throttle.clear_account("login", user.username)
    audit.record("user.password", user.username, user=actor)


def set_pin(user: User, pin: str, actor=None) -> None:
    validate_pin(pin)
    user.pin_hash = _hash(pin)
    throttle.clear_account("pin", user.username)
    audit.record("user.pin", user.username, user=actor)


def lift_lock(key: str, actor) -> "throttle.Lock":
    """A manager or admin lifts a login or PIN lock (someone mistyped, or someone tried to lock them out)."""
    lock = throttle.unlock(key)
    if lock is None:
        raise AuthRefused(_("Kunci ini sudah tidak berlaku."))
    who = f"{lock.username} " if lock.username else ""
    audit.record("auth.unlock", f"{lock.what}: {who}dari {lock.address} ({lock.failures} kali gagal)", user=actor)
    return lock


def set_active(user: User, active: bool, actor=None) -> None:
    if actor is not None and user.id == actor.id and not active:
        raise AuthRefused(_("Anda tidak bisa menonaktifkan akun sendiri."))
    if not active and user.role == "admin" and _active_admins() <= 1:
        raise AuthRefused(_("Admin aktif terakhir tidak bisa dinonaktifkan."))
    user.active = active
    audit.record("user.enable" if active else "user.disable", user.username, user=actor)


def _active_admins() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(User)
                             .where(User.role == "admin", User.active.is_(True)))


def has_users() -> bool:
    return db.session.scalar(db.select(User.id).limit(1)) is not None


def managers():
    """Active accounts that can approve (for the approval dialog's list)."""
    return db.session.scalars(db.select(User).where(User.active.is_(True), User.role.in_(("manajer", "admin")),
                                                    User.pin_hash.is_not(None)).order_by(User.full_name)).all()
