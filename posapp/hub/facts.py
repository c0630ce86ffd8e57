"""What shops uploaded, and the daily sums the dashboard reads. Every key starts with the shop (Citus later).

`hub_record` is partitioned by month of business date (partitions.py creates them ahead). A payload is
kept as the exact canonical text the shop hashed: sha256(payload) = sha256 can be checked at rest, and
text is a fifth smaller than jsonb and three times faster to COPY (`payload::jsonb` reads it). There is
no foreign key to hub_koperasi on these tables: the shop id always comes from the signed request, and
a per-row key check would cost more than the COPY itself. The one table keyed by UUID alone is the
slim `hub_record_key`: it is what makes a UUID belong to one shop for ever.
"""
import json

from sqlalchemy import BigInteger, Date, Index, Integer, Numeric, PrimaryKeyConstraint, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from ..database import UTCDateTime, utcnow
from .extensions import db

PARTITIONED = "hub_record"
SUM = Numeric(38, 0)  # running sums of bigint amounts: never "bigint out of range", whatever shops send


class Record(db.Model):
    """An immutable fact a shop uploaded (sale, refund, Samsat payment, journal entry, close)."""

    __tablename__ = PARTITIONED
    shop_id: Mapped[int] = mapped_column(Integer)
    business_date = mapped_column(Date)
    uuid: Mapped[str] = mapped_column(Uuid(as_uuid=False))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(30))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # the canonical JSON the shop hashed, byte for byte (sha256)
    received_at = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (PrimaryKeyConstraint("shop_id", "business_date", "uuid"),
                      {"postgresql_partition_by": "RANGE (business_date)"})

    def content(self) -> dict:
        return json.loads(self.payload)


class RecordKey(db.Model):
    """One row per UUID the hub holds: deduplication and the cross-shop check in 16 + 8 bytes a row."""

    __tablename__ = "hub_record_key"
    uuid: Mapped[str] = mapped_column(Uuid(as_uuid=False), primary_key=True)
    shop_id: Mapped[int] = mapped_column(Integer)
    business_date = mapped_column(Date, nullable=False)  # where the record sits in hub_record (its partition)


class DailyTotal(db.Model):
    """Per shop, business day and kind: records and their reconcile amount (kept at ingest)."""

    __tablename__ = "hub_daily"
    shop_id: Mapped[int] = mapped_column(Integer)
    business_date = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30))
    records: Mapped[int] = mapped_column(BigInteger, default=0)
    amount = mapped_column(SUM, default=0, nullable=False)
    __table_args__ = (PrimaryKeyConstraint("shop_id", "business_date", "kind"),
                      Index("ix_hub_daily_day", "business_date"))


class SamsatPayment(db.Model):
    """One Samsat payment as the province reads it: its money by kind and the hub's latest verdict; its
    settlements add up here, so judging one never scans the uploads (settlement.py).
    ditolak: the hub refused it (the outlet refunds); dikembalikan: refunded whole, its years free again."""

    __tablename__ = "hub_samsat_payment"
    shop_id: Mapped[int] = mapped_column(Integer)
    business_date = mapped_column(Date)
    uuid: Mapped[str] = mapped_column(Uuid(as_uuid=False))
    status: Mapped[str] = mapped_column(String(20))          # terkonfirmasi | selisih | ditolak | dikembalikan
    pkb_opsen: Mapped[int] = mapped_column(BigInteger, default=0)   # PKB + opsen PKB, with their denda
    swdkllj: Mapped[int] = mapped_column(BigInteger, default=0)     # SWDKLLJ with its denda
    fee: Mapped[int] = mapped_column(BigInteger, default=0)         # the koperasi's own fee
    difference: Mapped[int] = mapped_column(BigInteger, default=0)  # hub bill − shop bill (selisih)
    feed_seq: Mapped[int] = mapped_column(BigInteger, default=0)    # its latest verdict on the shop's Samsat feed
    settled = mapped_column(SUM, default=0, nullable=False)  # kurang bayar collected − kelebihan refunded since
    __table_args__ = (PrimaryKeyConstraint("shop_id", "business_date", "uuid"),
                      Index("ix_hub_samsat_payment_day", "business_date"))


class ProductDaily(db.Model):
    """Curated OPOP items sold per shop and day (sales minus refunds and voids)."""

    __tablename__ = "hub_product_daily"
    shop_id: Mapped[int] = mapped_column(Integer)
    business_date = mapped_column(Date)
    sku: Mapped[str] = mapped_column(String(40))
    qty = mapped_column(SUM, default=0, nullable=False)
    amount = mapped_column(SUM, default=0, nullable=False)
    __table_args__ = (PrimaryKeyConstraint("shop_id", "business_date", "sku"),
                      Index("ix_hub_product_daily_day", "business_date"))


class HubMember(db.Model):
    """A member a shop has told the hub about: every change of a member is its own record, the koperasi page
    counts members (kept at ingest, never by scanning the records)."""

    __tablename__ = "hub_member"
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_uuid: Mapped[str] = mapped_column(String(64), primary_key=True)
