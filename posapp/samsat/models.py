"""Samsat counter facts: payments (never edited), their status events, settlements, deposits, counters.

A payment's status is the latest of its `SamsatStatusEvent` rows: menunggu_kirim → terkirim →
terkonfirmasi (NTPD) / selisih (difference) / ditolak; a ditolak payment ends dikembalikan (refunded
by a pengembalian), a selisih one diselesaikan (shortfall collected or excess refunded) and then
terkonfirmasi with the hub's NTPD. Amounts are integer rupiah.
"""
import json

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

STATUSES = {"menunggu_kirim": N_("Menunggu kirim"), "terkirim": N_("Terkirim"), "terkonfirmasi": N_("Terkonfirmasi"),
            "selisih": N_("Selisih"), "ditolak": N_("Ditolak"), "diselesaikan": N_("Selisih diselesaikan"),
            "dikembalikan": N_("Dikembalikan")}
RELEASED = ("ditolak", "dikembalikan")  # a payment in these no longer holds its tax years (paid once)
METHODS = {"cash": N_("Tunai"), "noncash": N_("Non-tunai")}


class SamsatPayment(db.Model):
    __tablename__ = "samsat_payment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)  # made when the bill was shown
    transaction_no: Mapped[str] = mapped_column(String(40), unique=True)  # SAM-<shop>-YYYYMMDD-NNNN
    business_date = mapped_column(Date, index=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    plate: Mapped[str] = mapped_column(String(12), index=True)
    plate_display: Mapped[str] = mapped_column(String(16))
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    vehicle_desc: Mapped[str] = mapped_column(String(120), default="")
    chassis_last5: Mapped[str] = mapped_column(String(5))
    ktp_checked: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(10))  # hub | manual
    verified: Mapped[bool] = mapped_column(Boolean)  # false: priced locally, "belum terverifikasi"
    ruleset: Mapped[str] = mapped_column(String(40))
    vehicle_json: Mapped[str] = mapped_column(Text)  # the facts the bill was priced from
    bill_json: Mapped[str] = mapped_column(Text)     # the bill contract of samsat.md
    period_old = mapped_column(Date)
    period_new = mapped_column(Date)
    pkb: Mapped[int] = mapped_column(BigInteger)
    opsen_pkb: Mapped[int] = mapped_column(BigInteger)
    denda_pkb: Mapped[int] = mapped_column(BigInteger)
    denda_opsen_pkb: Mapped[int] = mapped_column(BigInteger)
    swdkllj: Mapped[int] = mapped_column(BigInteger)
    denda_swdkllj: Mapped[int] = mapped_column(BigInteger)
    tax: Mapped[int] = mapped_column(BigInteger)      # the bill total: titipan owed to the province
    fee: Mapped[int] = mapped_column(BigInteger)      # the koperasi's own fee: income
    total: Mapped[int] = mapped_column(BigInteger)    # tax + fee, what the resident paid
    method: Mapped[str] = mapped_column(String(10))   # cash | noncash
    tendered: Mapped[int] = mapped_column(BigInteger)
    change: Mapped[int] = mapped_column(BigInteger, default=0)
    # cash due rounded down to Rp 100, borne by the koperasi: the titipan (`tax`) stays whole
    rounding: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    reference: Mapped[str] = mapped_column(String(60), default="")
    events = relationship("SamsatStatusEvent", order_by="SamsatStatusEvent.id", back_populates="payment")
    user = relationship("User")

    @property
    def latest(self):
        return self.events[-1] if self.events else None

    @property
    def status(self) -> str:
        return self.latest.status if self.latest else "menunggu_kirim"

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def ntpd(self):
        confirmed = [e for e in self.events if e.status == "terkonfirmasi" and e.ntpd]
        return confirmed[-1].ntpd if confirmed else None

    @property
    def method_label(self) -> str:
        return METHODS.get(self.method, self.method)

    @property
    def bill(self) -> dict:
        return json.loads(self.bill_json)

    @property
    def vehicle(self) -> dict:
        return json.loads(self.vehicle_json)


class SamsatStatusEvent(db.Model):
    """One status change of a payment (a new row each time; the payment is never edited)."""

    __tablename__ = "samsat_status_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("samsat_payment.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    ntpd: Mapped[str | None] = mapped_column(String(40), nullable=True)
    difference: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # hub total − shop total
    reason: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(String(300), default="")  # e.g. where and when a year was already paid
    created_at = mapped_column(UTCDateTime, default=utcnow)
    payment = relationship(SamsatPayment, back_populates="events")


class SamsatPeriodClaim(db.Model):
    """A tax year (plate, due date) held by the payment that pays it: the key makes a year paid once.

    Written in the payment's transaction; released (deleted) when the payment is ditolak, so the
    resident can pay that year again once the first payment no longer stands.
    """

    __tablename__ = "samsat_period_claim"
    plate: Mapped[str] = mapped_column(String(12), primary_key=True)
    due = mapped_column(Date, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("samsat_payment.id"), index=True)
    payment = relationship(SamsatPayment)


class SamsatCounter(db.Model):
    """The last Samsat transaction number per shop per day (gap-free, bumped in the payment's transaction)."""

    __tablename__ = "samsat_counter"
    shop_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class SamsatSetoran(db.Model):
    """A deposit of collected titipan to the province, against a set of confirmed payments."""

    __tablename__ = "samsat_setoran"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    setoran_no: Mapped[str] = mapped_column(String(40), unique=True)
    business_date = mapped_column(Date, index=True)
    amount: Mapped[int] = mapped_column(BigInteger)  # the sum of the payments' titipan (tax)
    via: Mapped[str] = mapped_column(String(10))     # cash | bank
    note: Mapped[str] = mapped_column(String(200), default="")
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    items = relationship("SamsatSetoranItem", back_populates="setoran")
    user = relationship("User")


class SamsatSetoranItem(db.Model):
    __tablename__ = "samsat_setoran_item"
    __table_args__ = (UniqueConstraint("payment_id", name="uq_samsat_setoran_item_payment"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setoran_id: Mapped[int] = mapped_column(ForeignKey("samsat_setoran.id"), index=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("samsat_payment.id"))  # deposited once
    setoran = relationship(SamsatSetoran, back_populates="items")
    payment = relationship(SamsatPayment)


class SamsatPrint(db.Model):
    """Every print of a Samsat receipt: after the first success, prints are copies (SALINAN)."""

    __tablename__ = "samsat_print"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("samsat_payment.id"), index=True)
    at = mapped_column(UTCDateTime, default=utcnow)
    ok: Mapped[bool] = mapped_column(Boolean)
    copy: Mapped[bool] = mapped_column(Boolean, default=False)
    error: Mapped[str] = mapped_column(Text, default="")
