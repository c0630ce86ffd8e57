from flask_login import UserMixin
from sqlalchemy import BigInteger, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..roles import ROLE_RANK
from ..i18n import N_

ROLE_LABELS = {"kasir": N_("Kasir"), "manajer": N_("Manajer"), "admin": N_("Administrator")}


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(255))
    pin_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    @property
    def is_active(self):
        return self.active

    def has_role(self, role: str) -> bool:
        """Roles are ranked: a manajer can do what a kasir can, an admin what both can."""
        return ROLE_RANK.get(self.role, 0) >= ROLE_RANK[role]

    @property
    def role_label(self):
        return ROLE_LABELS.get(self.role, self.role)


class LoginThrottle(db.Model):
    """Failed attempts per key (`user:<name>`, `ip:<addr>`, `pin:<name>`) and lock expiry."""

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until = mapped_column(UTCDateTime, nullable=True)
    last_failure_at = mapped_column(UTCDateTime, nullable=True)


__all__ = ["User", "LoginThrottle", "ROLE_RANK", "ROLE_LABELS", "BigInteger"]
