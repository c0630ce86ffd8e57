"""Hub tables: koperasi, keys, batches, refusals, feeds, catalogue, register, admins (uploads: facts.py)."""
from flask_login import UserMixin
from sqlalchemy import (BigInteger, Boolean, Date, ForeignKey, Index, Integer, PrimaryKeyConstraint, String,
                        Text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from ..database import UTCDateTime, utcnow
from .extensions import db


class Koperasi(db.Model):
    """A shop (koperasi pesantren) and its upload cursor: the last seq the hub holds."""

    __tablename__ = "hub_koperasi"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    regency: Mapped[str] = mapped_column(String(60), default="")
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at = mapped_column(UTCDateTime, nullable=True)
    samsat_feed_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")  # verdicts it has
    created_at = mapped_column(UTCDateTime, default=utcnow)


class EnrolmentCode(db.Model):
    """A one-time code the province gives a shop's admin; stored hashed."""

    __tablename__ = "hub_enrolment_code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("hub_koperasi.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at = mapped_column(UTCDateTime)
    used_at = mapped_column(UTCDateTime, nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)


class ShopKey(db.Model):
    """An HMAC key of a shop; two may be active at once while a shop rotates."""

    __tablename__ = "hub_shop_key"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("hub_koperasi.id"), index=True)
    secret: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | revoked
    created_at = mapped_column(UTCDateTime, default=utcnow)
    revoked_at = mapped_column(UTCDateTime, nullable=True)


class Nonce(db.Model):
    """Nonces seen within the timestamp window; a repeat is a replay."""

    __tablename__ = "hub_nonce"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    expires_at = mapped_column(UTCDateTime, index=True)


class BatchReply(db.Model):
    """The stored answer to a batch: the same batch_id and body get it again."""

    __tablename__ = "hub_batch"
    shop_id: Mapped[int] = mapped_column(ForeignKey("hub_koperasi.id"))
    batch_id: Mapped[str] = mapped_column(String(80))
    body_sha256: Mapped[str] = mapped_column(String(64))
    answer = mapped_column(JSONB)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (PrimaryKeyConstraint("shop_id", "batch_id"),)


class Rejection(db.Model):
    """A record refused with a reason (the shop shows it under "Perlu perhatian"); the hub keeps what was sent."""

    __tablename__ = "hub_rejection"
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("hub_koperasi.id"), index=True)
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # None: the record had no usable seq
    uuid: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(30), default="", server_default="")
    code: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(String(200), default="", server_default="")
    payload: Mapped[str] = mapped_column(Text, default="", server_default="")  # the record as sent, made storable
    created_at = mapped_column(UTCDateTime, default=utcnow)


class RefChange(db.Model):
    """One entry of a reference feed (rule sets, catalogue, Samsat confirmations); shop_id None = all."""

    __tablename__ = "hub_ref_change"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    stream: Mapped[str] = mapped_column(String(20))
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("hub_koperasi.id"), nullable=True)
    key: Mapped[str] = mapped_column(String(80))
    payload = mapped_column(JSONB)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    __table_args__ = (Index("ix_hub_ref_change_stream_seq", "stream", "seq"),)


class CuratedProduct(db.Model):
    """The current version of one curated OPOP item; every version is also an entry of the "catalogue" feed."""

    __tablename__ = "hub_curated_product"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)  # the OPOP code: the shops' SKU
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(120))
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    category: Mapped[str] = mapped_column(String(60), default="Umum")
    unit: Mapped[str] = mapped_column(String(20), default="pcs")
    recommended_price: Mapped[int] = mapped_column(BigInteger)
    pesantren: Mapped[str] = mapped_column(String(120), default="")
    halal_cert: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    feed_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # the RefChange of this version
    updated_by: Mapped[str] = mapped_column(String(60), default="")
    updated_at = mapped_column(UTCDateTime, default=utcnow)


class Vehicle(db.Model):
    """The province's vehicle register (what the Samsat inquiry answers from)."""

    __tablename__ = "hub_vehicle"
    plate: Mapped[str] = mapped_column(String(12), primary_key=True)  # normalised, L1234AB
    vehicle_class: Mapped[str] = mapped_column(String(20))
    cc: Mapped[int] = mapped_column(Integer)
    njkb: Mapped[int] = mapped_column(BigInteger)
    ownership_order: Mapped[int] = mapped_column(Integer, default=1)
    tax_due = mapped_column(Date)
    stnk_valid_until = mapped_column(Date)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    public_transport: Mapped[bool] = mapped_column(Boolean, default=False)
    owner_name: Mapped[str] = mapped_column(String(120))
    chassis_no: Mapped[str] = mapped_column(String(30))
    brand: Mapped[str] = mapped_column(String(60), default="")


class SamsatPaidPeriod(db.Model):
    """A tax year (plate, due date) a standing Samsat payment covers, from any outlet: paid once (the key)."""

    __tablename__ = "hub_samsat_period"
    plate: Mapped[str] = mapped_column(String(12), primary_key=True)
    due = mapped_column(Date, primary_key=True)
    payment_uuid: Mapped[str] = mapped_column(String(36), index=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("hub_koperasi.id"))
    transaction_no: Mapped[str] = mapped_column(String(40), default="")
    paid_on = mapped_column(Date)
    created_at = mapped_column(UTCDateTime, default=utcnow)


class HubUser(UserMixin, db.Model):
    """A province administrator (the dashboard login)."""

    __tablename__ = "hub_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)

    def set_password(self, password, method="scrypt"):
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password) -> bool:
        return check_password_hash(self.password_hash, password)


class HubLoginThrottle(db.Model):
    """Failed admin logins per key (`user:<name>`, `ip:<address>`) and until when the key is locked."""

    __tablename__ = "hub_login_throttle"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until = mapped_column(UTCDateTime, nullable=True)
    last_failure_at = mapped_column(UTCDateTime, nullable=True)
