"""Supplier payments with their allocation to invoices, and purchase returns (facts, never edited)."""
from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from .models import Purchase, Supplier
from ..i18n import N_

VIAS = {"cash": N_("Tunai"), "bank": N_("Bank / transfer")}
SETTLES = {"credit": N_("Potong utang"), "cash": N_("Uang kembali tunai"), "bank": N_("Uang kembali lewat bank")}


class SupplierPayment(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"), index=True)
    business_date = mapped_column(Date, index=True)
    via: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(BigInteger)
    reference: Mapped[str] = mapped_column(String(60), default="")  # transfer reference
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    supplier = relationship(Supplier)
    created_by = relationship("User")
    allocations = relationship("PaymentAllocation", order_by="PaymentAllocation.id", back_populates="payment")


class PaymentAllocation(db.Model):
    """How much of a payment went to one invoice."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("supplier_payment.id"), index=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchase.id"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    payment = relationship(SupplierPayment, back_populates="allocations")
    purchase = relationship(Purchase)


class PurchaseReturn(db.Model):
    """Goods sent back to the supplier at invoice cost; settled against the debt or refunded."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchase.id"), index=True)
    business_date = mapped_column(Date, index=True)
    settle: Mapped[str] = mapped_column(String(10))  # credit | cash | bank
    total: Mapped[int] = mapped_column(BigInteger)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    purchase = relationship(Purchase)
    created_by = relationship("User")
    lines = relationship("PurchaseReturnLine", order_by="PurchaseReturnLine.id", back_populates="ret")


class PurchaseReturnLine(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("purchase_return.id"), index=True)
    purchase_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_line.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    qty: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    ret = relationship(PurchaseReturn, back_populates="lines")
    purchase_line = relationship("PurchaseLine")
