"""Cash and bank movements that are not sales: kas keluar, kas masuk, modal, setor/ambil bank.

Each is a fact with a UUID, a journal entry and an outbox row; a mistake is corrected by a reversal
(a new movement pointing at it), never by editing. `shift_id` is set when the cash went through a
till's drawer during a shift, so the shift's expected cash counts it.
"""
from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db
from ..refusal import Refusal
from ..i18n import _


class CashMovement(db.Model):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    doc_no: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10), index=True)  # expense income capital deposit withdraw
    category: Mapped[str] = mapped_column(String(20), default="")
    via: Mapped[str] = mapped_column(String(10), default="cash")  # cash | bank
    amount: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(Text, default="")
    business_date = mapped_column(Date, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id"), nullable=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("cash_movement.id"), nullable=True, unique=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    user = relationship("User", foreign_keys=[user_id])
    approved_by = relationship("User", foreign_keys=[approved_by_id])
    reverses = relationship("CashMovement", remote_side=[id])


class CashCounter(db.Model):
    """The last number used per prefix (KK, KM, MD, SB, AB, KR) per day."""

    __tablename__ = "cash_counter"
    prefix: Mapped[str] = mapped_column(String(4), primary_key=True)
    business_date = mapped_column(Date, primary_key=True)
    last_no: Mapped[int] = mapped_column(Integer, default=0)


class CashRefused(Refusal):
    """A cash or bank movement refused (nothing is saved)."""


@event.listens_for(Session, "before_flush")
def _refuse_changes(session, flush_context, instances):
    """A movement is a fact: a correction is a reversal, never an edit."""
    for obj in session.deleted:
        if isinstance(obj, CashMovement):
            raise CashRefused(_("Catatan kas tidak boleh dihapus; buat pembalikan."))
    for obj in session.dirty:
        if isinstance(obj, CashMovement) and session.is_modified(obj, include_collections=False):
            raise CashRefused(_("Catatan kas tidak boleh diubah; buat pembalikan."))
