"""Members, their cards, simpanan movements, member-credit movements and the gap-free counters.

Movements are facts: a correction is a new movement. A member who leaves keeps every record;
`status` says "keluar" and `left_on` when.
"""
from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

KINDS = {"santri": N_("Santri"), "ustadz": N_("Ustadz / pengurus"), "karyawan": N_("Karyawan"), "masyarakat": N_("Masyarakat")}
STATUSES = {"aktif": N_("Aktif"), "keluar": N_("Keluar")}


class Member(db.Model):
    __tablename__ = "member"
    __table_args__ = (CheckConstraint("credit_open >= 0", name="ck_member_credit_open"),
                      CheckConstraint("credit_limit >= 0", name="ck_member_credit_limit"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(12), default="santri")
    nik: Mapped[str] = mapped_column(String(16), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    joined_on = mapped_column(Date)
    left_on = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="aktif")
    credit_limit: Mapped[int] = mapped_column(BigInteger, default=0)
    credit_open: Mapped[int] = mapped_column(BigInteger, default=0)  # Σ of its credit moves, kept atomically
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    cards = relationship("MemberCard", order_by="MemberCard.serial", back_populates="member")

    @property
    def active(self) -> bool:
        return self.status == "aktif"

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def card(self):
        """The card in use (the newest one not blocked), or None."""
        usable = [c for c in self.cards if c.blocked_at is None]
        return usable[-1] if usable else None


class MemberCard(db.Model):
    """A printed card: its code is in the barcode/QR; a lost card is blocked and a new serial issued."""

    __tablename__ = "member_card"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    serial: Mapped[int] = mapped_column(Integer, default=1)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    issued_at = mapped_column(UTCDateTime, default=utcnow)
    blocked_at = mapped_column(UTCDateTime, nullable=True)
    block_reason: Mapped[str] = mapped_column(String(200), default="")
    member = relationship(Member, back_populates="cards")


class MemberCounter(db.Model):
    """The last member number used (per year when the number format has {tahun})."""

    __tablename__ = "member_counter"
    key: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class MemberDocCounter(db.Model):
    """Gap-free document numbers per kind and day: simpanan and kasbon receipts."""

    __tablename__ = "member_doc_counter"
    prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class Saving(db.Model):
    """One simpanan deposit (setor) or withdrawal (tarik); `amount` is positive, `direction` says which way."""

    __tablename__ = "member_saving"
    __table_args__ = (CheckConstraint("amount > 0", name="ck_member_saving_amount"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))         # pokok, wajib, sukarela
    direction: Mapped[str] = mapped_column(String(5))     # setor, tarik
    amount: Mapped[int] = mapped_column(BigInteger)
    months: Mapped[int] = mapped_column(Integer, default=0)  # simpanan wajib: how many months it pays
    period: Mapped[str] = mapped_column(String(7), default="")  # simpanan wajib: first month paid, YYYY-MM
    method: Mapped[str] = mapped_column(String(10), default="cash")  # cash, transfer, shu
    reference: Mapped[str] = mapped_column(String(60), default="")
    business_date = mapped_column(Date, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    member = relationship(Member)
    user = relationship("User")

    @property
    def signed(self) -> int:
        return self.amount if self.direction == "setor" else -self.amount


class CreditMove(db.Model):
    """Member credit: a charge (a sale on kasbon), a repayment, or money back from a refund of such a sale."""

    __tablename__ = "member_credit_move"
    __table_args__ = (CheckConstraint("amount > 0", name="ck_member_credit_move_amount"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))          # charge, repay, refund
    amount: Mapped[int] = mapped_column(BigInteger)
    doc_no: Mapped[str] = mapped_column(String(40), index=True)  # the sale's receipt or the repayment's number
    method: Mapped[str] = mapped_column(String(10), default="")  # repayments: cash, transfer
    reference: Mapped[str] = mapped_column(String(60), default="")
    business_date = mapped_column(Date, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    member = relationship(Member)
    user = relationship("User")

    @property
    def signed(self) -> int:
        return self.amount if self.kind == "charge" else -self.amount
