"""How a payment the province did not confirm as charged ends settled: new records, never edits.

A *pengembalian* gives money back to the resident (all of a ditolak payment, or the excess of a
selisih one); a *kurang bayar* collects a selisih shortfall. Each settles one verdict (status event)
of its payment: the unique `settles_event_id` lets two tills never settle the same verdict twice.
"""
from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..i18n import N_

KINDS = {"pengembalian": N_("Pengembalian"), "kurang_bayar": N_("Kurang bayar")}
REASONS = {"ditolak": N_("pembayaran ditolak Samsat"), "kelebihan": N_("kelebihan bayar (selisih)"),
           "kurang": N_("kurang bayar (selisih)")}
OUTBOX_KINDS = {"pengembalian": "samsat_refund", "kurang_bayar": "samsat_shortfall"}


class SamsatSettlement(db.Model):
    __tablename__ = "samsat_settlement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    settlement_no: Mapped[str] = mapped_column(String(40), unique=True)  # KMB-/KRG-<shop>-YYYYMMDD-NNNN
    kind: Mapped[str] = mapped_column(String(20))      # pengembalian | kurang_bayar
    reason: Mapped[str] = mapped_column(String(20))    # ditolak | kelebihan | kurang
    payment_id: Mapped[int] = mapped_column(ForeignKey("samsat_payment.id"), index=True)
    settles_event_id: Mapped[int] = mapped_column(ForeignKey("samsat_status_event.id"), unique=True)
    business_date = mapped_column(Date, index=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    amount: Mapped[int] = mapped_column(BigInteger)    # titipan PKB part: out of (refund) or into (shortfall) 2101
    fee_refund: Mapped[int] = mapped_column(BigInteger, default=0)  # the koperasi's fee given back with it
    method: Mapped[str] = mapped_column(String(10))    # cash | noncash
    reference: Mapped[str] = mapped_column(String(60), default="")
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    approved_by: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    payment = relationship("SamsatPayment")
    user = relationship("User")

    @property
    def rounding_returned(self) -> int:
        """A full refund of a payment whose cash was rounded down gives back only what the resident paid:
        the rounding the koperasi bore is reversed, not paid out."""
        return (self.payment.rounding or 0) if self.kind == "pengembalian" and self.reason == "ditolak" else 0

    @property
    def total(self) -> int:
        """The money that changed hands with the resident."""
        return self.amount + self.fee_refund - self.rounding_returned

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    @property
    def outbox_kind(self) -> str:
        return OUTBOX_KINDS[self.kind]


class SamsatSettlementCounter(db.Model):
    """The last number per series (KMB, KRG; STR for setoran), shop and day: gap-free like the payments'."""

    __tablename__ = "samsat_settlement_counter"
    series: Mapped[str] = mapped_column(String(3), primary_key=True)
    shop_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)
