"""Suppliers and purchase documents (faktur pembelian; a consignment receipt is a document of kind
"consignment"). A draft is the person's working copy; a posted document is a fact, never edited:
a return or a payment is a new record pointing at it.
"""
from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

SUPPLIER_KINDS = {"pabrik": N_("Pabrik / distributor"), "pesantren": N_("Produsen pesantren"),
                  "santripreneur": N_("Santripreneur")}
PAYMENTS = {"cash": N_("Tunai"), "bank": N_("Bank / transfer"), "credit": N_("Kredit (utang)")}
DOC_KINDS = {"purchase": N_("Pembelian"), "consignment": N_("Titip jual (konsinyasi)")}


class Supplier(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="pabrik")
    contact_person: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    bank_name: Mapped[str] = mapped_column(String(60), default="")
    bank_account: Mapped[str] = mapped_column(String(40), default="")
    bank_holder: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    @property
    def kind_label(self) -> str:
        return SUPPLIER_KINDS.get(self.kind, self.kind)


class Purchase(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str | None] = mapped_column(String(40), unique=True, nullable=True)  # given when posted
    kind: Mapped[str] = mapped_column(String(12), default="purchase")
    status: Mapped[str] = mapped_column(String(10), default="draft", index=True)  # draft | posted
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("supplier.id"), nullable=True, index=True)
    invoice_no: Mapped[str] = mapped_column(String(60), default="")  # the supplier's faktur number
    invoice_date = mapped_column(Date, nullable=True)
    business_date = mapped_column(Date, nullable=True, index=True)  # the day it was received and posted
    payment: Mapped[str] = mapped_column(String(10), default="cash")  # cash | bank | credit
    due_date = mapped_column(Date, nullable=True, index=True)
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)  # cash from the drawer
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    posted_at = mapped_column(UTCDateTime, nullable=True)
    supplier = relationship(Supplier)
    created_by = relationship("User")
    lines = relationship("PurchaseLine", order_by="PurchaseLine.id", back_populates="purchase",
                         cascade="all, delete-orphan")

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"


class PurchaseLine(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purchase_id: Mapped[int] = mapped_column(ForeignKey("purchase.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    qty: Mapped[int] = mapped_column(Integer)
    unit_cost: Mapped[int] = mapped_column(BigInteger, default=0)  # consignment: the price to the producer
    commission_percent = mapped_column(Numeric(5, 2), nullable=True)  # consignment on commission
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    purchase = relationship(Purchase, back_populates="lines")
    product = relationship("Product")


class DocCounter(db.Model):
    """The last number used per document prefix per day (PB, RB, BY, TJ…), bumped in the act."""

    __tablename__ = "purchasing_counter"
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)
