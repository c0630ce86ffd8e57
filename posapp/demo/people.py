"""The demo shop's accounts: an admin, a manager (who approves with a PIN) and two kasir."""
import secrets

from ..auth import service as auth_service
from ..auth.models import User
from ..extensions import db

PEOPLE = (("admin", "Administrator", "admin"), ("manajer", "Bu Siti Manajer", "manajer"),
          ("kasir", "Ahmad Kasir", "kasir"), ("kasir2", "Fatimah Kasir", "kasir"))


def create_people(names=("admin", "manajer", "kasir")) -> dict:
    """{username: (password, pin or None)} of the accounts made now (existing ones are left alone)."""
    made = {}
    for username, full_name, role in PEOPLE:
        if username not in names or db.session.scalar(db.select(User.id).where(User.username == username)):
            continue
        password = secrets.token_urlsafe(9)
        pin = f"{secrets.randbelow(10**6):06d}" if role != "kasir" else None
        auth_service.create_user(username, full_name, role, password, pin)
        made[username] = (password, pin)
    return made


def user(username) -> User:
    return db.session.scalar(db.select(User).where(User.username == username))
