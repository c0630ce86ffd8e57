from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

MOVE_KINDS = {
    "receive": N_("Terima barang"),
    "sale": N_("Penjualan"),
    "refund": N_("Retur"),
    "adjust": N_("Penyesuaian"),
    "opname": N_("Stok opname"),
    "revalue": N_("Revaluasi HPP"),
    "retur_beli": N_("Retur pembelian"),
    "titip_in": N_("Terima titipan"),
    "titip_out": N_("Retur titipan"),
}
ADJUST_REASONS = {
    "rusak": N_("Rusak"),
    "hilang": N_("Hilang"),
    "kedaluwarsa": N_("Kedaluwarsa"),
    "koreksi": N_("Koreksi pencatatan"),
    "pemakaian": N_("Pemakaian sendiri"),
    "lainnya": N_("Lainnya"),
}


class Product(db.Model):
    """A product; `cost` is its moving average cost (HPP), kept by catalog.valued (see catalog.costing)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), index=True)  # the product list is ordered by name
    sku: Mapped[str] = mapped_column(String(40), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    category: Mapped[str] = mapped_column(String(60), default="Umum", index=True)
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    price: Mapped[int] = mapped_column(BigInteger)
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    member_price: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    min_stock: Mapped[int] = mapped_column(Integer, default=0)
    halal_cert: Mapped[str] = mapped_column(String(60), default="")
    pesantren: Mapped[str] = mapped_column(String(120), default="")
    opop_curated: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    # consignment (titip jual): the producer's goods, not the koperasi's stock. The producer is a
    # purchasing supplier id (no FK: the catalog is a floor below); the terms are a price per unit to the
    # producer, or a commission percentage of the selling price the koperasi keeps.
    consignor_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    consign_price: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    consign_percent = mapped_column(Numeric(5, 2), nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    level: Mapped["StockLevel"] = relationship(uselist=False, lazy="joined", viewonly=True)

    @property
    def on_hand(self) -> int:
        return self.level.on_hand if self.level else 0

    @property
    def consigned(self) -> bool:
        return self.consignor_id is not None

    @property
    def is_low(self) -> bool:
        return self.on_hand <= self.min_stock


class StockMove(db.Model):
    """A fact: quantity in (+) or out (−) of one product. Never edited or deleted."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    qty: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    unit_cost: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    business_date = mapped_column(Date, nullable=True)  # the ledger day the move is valued on
    avg_cost: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # own stock: the average after it
    # consigned goods: the producer (purchasing supplier id; no FK, the catalog is a floor below) and the
    # rupiah this move makes the koperasi owe them (a sale +, a refund −); None for own stock
    owner_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    owner_amount: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    doc_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    at = mapped_column(UTCDateTime, default=utcnow)
    product: Mapped[Product] = relationship()

    __table_args__ = (Index("ix_stock_move_product_at", "product_id", "id"),
                      Index("ix_stock_move_business_date", "business_date"))


class StockLevel(db.Model):
    """Projection of the stock moves: the sum per product, kept in the same transaction."""

    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
