"""Hub acts: koperasi, enrolment codes, keys (issue, rotate, revoke). Add and flush, never commit."""
import hashlib
import secrets
from datetime import timedelta

from .extensions import db
from .models import EnrolmentCode, Koperasi, ShopKey
from .security import ApiError, hub_now


def _hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def add_koperasi(code: str, name: str, regency: str = "") -> Koperasi:
    shop = Koperasi(code=code.strip().upper(), name=name.strip(), regency=regency.strip(), last_seq=0,
                    created_at=hub_now())
    db.session.add(shop)
    db.session.flush()
    return shop


def issue_code(shop: Koperasi, hours: int = 72) -> str:
    """A one-time enrolment code (shown once, stored hashed)."""
    raw = secrets.token_hex(6).upper()
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    db.session.add(EnrolmentCode(shop_id=shop.id, code_hash=_hash(code), created_at=hub_now(),
                                 expires_at=hub_now() + timedelta(hours=hours)))
    db.session.flush()
    return code


def new_key(shop_id: int) -> ShopKey:
    key = ShopKey(key_id="k_" + secrets.token_hex(8), shop_id=shop_id, secret=secrets.token_hex(32),
                  status="active", created_at=hub_now())
    db.session.add(key)
    db.session.flush()
    return key


def enrol(code: str) -> tuple[Koperasi, ShopKey]:
    """Trade a valid, unused code for a key; the code cannot be used again."""
    now = hub_now()
    row = db.session.execute(db.select(EnrolmentCode).where(EnrolmentCode.code_hash == _hash(code or ""))
                             .with_for_update()).scalar_one_or_none()
    if row is None or row.used_at is not None or row.expires_at < now:
        raise ApiError(403, "enrol_code_invalid", "Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa.")
    row.used_at = now
    return db.session.get(Koperasi, row.shop_id), new_key(row.shop_id)


def revoke_key(key: ShopKey) -> None:
    key.status, key.revoked_at = "revoked", hub_now()


def retire_other_keys(shop_id: int, keep_key_id: str) -> int:
    """After a rotation the shop retires its old key with a request signed by the new one."""
    others = db.session.scalars(db.select(ShopKey).where(ShopKey.shop_id == shop_id, ShopKey.status == "active",
                                                          ShopKey.key_id != keep_key_id)).all()
    for key in others:
        revoke_key(key)
    return len(others)
