"""Wallets, their groups (limits per group) and their movements (immutable, each with a UUID)."""
from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

STATUSES = {"aktif": N_("aktif"), "blokir": N_("diblokir"), "tutup": N_("ditutup")}
KINDS = {"topup": N_("Isi saldo"), "purchase": N_("Belanja"), "refund": N_("Retur belanja"), "withdraw": N_("Tarik saldo")}


class WalletGroup(db.Model):
    """Santri with the same spending limits (a class, a dormitory…); a wallet's own limit wins."""

    __tablename__ = "wallet_group"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    daily_limit: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    weekly_limit: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Wallet(db.Model):
    __tablename__ = "wallet"
    __table_args__ = (CheckConstraint("balance >= 0", name="ck_wallet_balance"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), unique=True)
    nis: Mapped[str] = mapped_column(String(30), unique=True)      # nomor induk santri
    room: Mapped[str] = mapped_column(String(60), default="")      # kamar / asrama
    wali_name: Mapped[str] = mapped_column(String(120), default="")
    wali_phone: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(10), default="aktif")  # aktif, blokir, tutup
    balance: Mapped[int] = mapped_column(BigInteger, default=0)    # moved only by conditional UPDATEs
    daily_limit: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    weekly_limit: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("wallet_group.id"), nullable=True)
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    member = relationship("Member")
    group = relationship(WalletGroup)

    @property
    def limits(self) -> tuple:
        """(daily, weekly): the wallet's own, else its group's; None = no limit."""
        group = self.group
        return (self.daily_limit if self.daily_limit is not None else getattr(group, "daily_limit", None),
                self.weekly_limit if self.weekly_limit is not None else getattr(group, "weekly_limit", None))


class WalletMove(db.Model):
    """A top-up, purchase, refund or withdrawal; `amount` positive, `balance_after` as the UPDATE returned it."""

    __tablename__ = "wallet_move"
    __table_args__ = (CheckConstraint("amount > 0", name="ck_wallet_move_amount"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    wallet_id: Mapped[int] = mapped_column(ForeignKey("wallet.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)
    balance_after: Mapped[int] = mapped_column(BigInteger)
    limited: Mapped[int] = mapped_column(BigInteger, default=0)  # the part of a purchase that counts to the limits
    method: Mapped[str] = mapped_column(String(10), default="")  # cash, transfer (top-up, withdrawal); sale
    reference: Mapped[str] = mapped_column(String(60), default="")
    doc_no: Mapped[str] = mapped_column(String(40), index=True)   # own receipt, or the sale's receipt number
    items: Mapped[str] = mapped_column(Text, default="")         # what was bought, for the wali's statement
    business_date = mapped_column(Date, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    wallet = relationship(Wallet)
    user = relationship("User", foreign_keys=[user_id])

    @property
    def signed(self) -> int:
        return self.amount if self.kind in ("topup", "refund") else -self.amount
