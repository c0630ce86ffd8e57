"""An SHU payout: once per year, after the year's books are final."""
from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class ShuPayout(db.Model):
    __tablename__ = "shu_payout"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    method: Mapped[str] = mapped_column(String(10))            # cash, sukarela
    shu: Mapped[int] = mapped_column(BigInteger)
    members_total: Mapped[int] = mapped_column(BigInteger)     # jasa usaha + jasa modal paid to members
    cadangan: Mapped[int] = mapped_column(BigInteger)
    remainder: Mapped[int] = mapped_column(BigInteger)         # left in SHU by rounding down
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    paid_at = mapped_column(UTCDateTime, default=utcnow)
    user = relationship("User")
