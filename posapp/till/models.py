"""A shift: one kasir's turn at the till, from the opening cash to the closing count."""
from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class Shift(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    business_date = mapped_column(Date)
    opened_at = mapped_column(UTCDateTime, default=utcnow)
    opening_cash: Mapped[int] = mapped_column(BigInteger)
    closed_at = mapped_column(UTCDateTime, nullable=True)
    expected_cash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counted_cash: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    difference: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    denominations: Mapped[str] = mapped_column(Text, default="")  # JSON {"100000": 3, …} or ""
    close_note: Mapped[str] = mapped_column(Text, default="")
    user = relationship("User")

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
