"""Sales (and their refunds/voids), lines, payments, the per-day receipt counter, print attempts.

A refund or a void is a new `Sale` row of kind "refund"/"void" pointing at the original; the
original is never edited. Amounts are stored positive; `sign` says which way the money went.
"""
from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, orm_insert_sentinel, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..till.models import Shift
from ..i18n import N_

KINDS = {"sale": N_("Penjualan"), "refund": N_("Retur"), "void": N_("Void")}


class Sale(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    request_hash: Mapped[str] = mapped_column(String(64), default="")  # tells a replay from a conflict
    kind: Mapped[str] = mapped_column(String(10), default="sale")
    receipt_no: Mapped[str] = mapped_column(String(40), unique=True)
    business_date = mapped_column(Date, index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    original_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"), nullable=True, index=True)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    member: Mapped[bool] = mapped_column(Boolean, default=False)  # a member is attached (member_id)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), nullable=True, index=True)
    subtotal: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger)
    tendered: Mapped[int] = mapped_column(BigInteger, default=0)
    change: Mapped[int] = mapped_column(BigInteger, default=0)
    # cash due rounded down to Rp 100: the koperasi bears it (Selisih pembulatan); `total` stays whole
    rounding: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    lines = relationship("SaleLine", order_by="SaleLine.id", back_populates="sale")
    payments = relationship("Payment", order_by="Payment.id", back_populates="sale")
    original = relationship("Sale", remote_side=[id])
    shift = relationship(Shift)
    user = relationship("User", foreign_keys=[user_id])
    approved_by = relationship("User", foreign_keys=[approved_by_id])
    member_record = relationship("Member")

    @property
    def sign(self) -> int:
        return 1 if self.kind == "sale" else -1

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


class SaleLine(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    _sentinel: Mapped[int | None] = orm_insert_sentinel()  # lets SQLite insert a sale's lines in one statement
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    original_line_id: Mapped[int | None] = mapped_column(ForeignKey("sale_line.id"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    sku: Mapped[str] = mapped_column(String(40))
    qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(BigInteger)
    list_price: Mapped[int] = mapped_column(BigInteger)  # the catalogue price at the time
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger)
    unit_cost: Mapped[int] = mapped_column(BigInteger, default=0)
    consignor_share: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # consigned goods: the producer's rupiah
    price_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    sale = relationship(Sale, back_populates="lines")


class Payment(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)      # applied to the sale (cash: net of change)
    tendered: Mapped[int] = mapped_column(BigInteger)    # handed over
    reference: Mapped[str] = mapped_column(String(60), default="")
    sale = relationship(Sale, back_populates="payments")


class ReceiptCounter(db.Model):
    """The last receipt number used per shop per day, bumped in the sale's own transaction."""

    shop_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)



class PrintLog(db.Model):
    """Every print attempt of a receipt: the first success is the original, later ones are copies."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    at = mapped_column(UTCDateTime, default=utcnow)
    ok: Mapped[bool] = mapped_column(Boolean)
    copy: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(Text, default="")
