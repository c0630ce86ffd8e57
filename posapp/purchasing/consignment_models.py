"""Consignment (titip jual) facts: unsold goods returned to the producer, and settlements (nota
penyelesaian) that pay the producer's share of what was sold. The receipt of consigned goods is a
Purchase of kind "consignment"; what is owed comes from the stock moves (catalog)."""
from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from .models import Supplier


class ConsignmentReturn(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"), index=True)
    business_date = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    supplier = relationship(Supplier)
    created_by = relationship("User")
    lines = relationship("ConsignmentReturnLine", order_by="ConsignmentReturnLine.id", back_populates="ret")


class ConsignmentReturnLine(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("consignment_return.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    qty: Mapped[int] = mapped_column(Integer)
    ret = relationship(ConsignmentReturn, back_populates="lines")


class ConsignmentSettlement(db.Model):
    """What a producer was owed for the period, paid (the nota penyelesaian)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"), index=True)
    period_start = mapped_column(Date)
    period_end = mapped_column(Date)
    business_date = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # paid: everything owed up to period_end
    via: Mapped[str] = mapped_column(String(10))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    supplier = relationship(Supplier)
    created_by = relationship("User")
    lines = relationship("ConsignmentSettlementLine", order_by="ConsignmentSettlementLine.id",
                         back_populates="settlement")


class ConsignmentSettlementLine(db.Model):
    """One product on the nota: received, sold, returned in the period, on hand at its end, owed."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    settlement_id: Mapped[int] = mapped_column(ForeignKey("consignment_settlement.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    received: Mapped[int] = mapped_column(Integer, default=0)
    sold: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    owed: Mapped[int] = mapped_column(BigInteger, default=0)  # the producer's share of what was sold
    settlement = relationship(ConsignmentSettlement, back_populates="lines")
