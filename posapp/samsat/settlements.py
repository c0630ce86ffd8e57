"""Every payment ends settled: a manager's pengembalian or kurang bayar (new records; add and flush only).

- ditolak (or a selisih the hub could not price) → pengembalian of everything still held for it
  (Dr Titipan / Cr Kas or Bank; the koperasi's fee may go back too), status dikembalikan;
- selisih, hub total higher → kurang bayar: the shortfall collected (Dr Kas or Bank / Cr Titipan);
- selisih, hub total lower → pengembalian of the excess (Dr Titipan / Cr Kas or Bank);
  either way status diselesaikan, until the hub confirms the payment with its NTPD.
Each is its own immutable record with a UUID, a receipt, a journal entry and an outbox row, and needs
the manager's approval. The unique `settles_event_id` keeps two tills from settling one verdict twice.
"""
from dataclasses import dataclass

from .. import audit, clock
from ..auth.approval import require_approval
from ..database import bump_counter, new_uuid
from ..extensions import db
from ..money import format_rupiah
from ..numbering import day_serial
from ..shop.service import get_settings
from ..till.shifts import open_shift_of
from ..wire import outbox
from . import payments, postings
from .errors import SamsatRefused
from .models import SamsatPayment
from .settlement_models import SamsatSettlement, SamsatSettlementCounter
from ..i18n import _

SERIES = {"pengembalian": "KMB", "kurang_bayar": "KRG"}
METHODS = ("cash", "noncash")


@dataclass(frozen=True)
class Option:
    """What settles a payment now: the act, why, the titipan part, the fee that may go back, the verdict."""
    kind: str
    reason: str
    amount: int
    fee: int
    event_id: int

    @property
    def label(self) -> str:
        if self.kind == "kurang_bayar":
            return _('Terima kurang bayar %(amount)s', amount=format_rupiah(self.amount))
        return f"Kembalikan {format_rupiah(self.amount)}" + (" (kelebihan)" if self.reason == "kelebihan" else "")


def option_for(payment, held: int) -> Option | None:
    """The settlement a payment waits for, or None (nothing to do by hand: waiting for the hub or the setoran)."""
    latest, status = payment.latest, payment.status
    if status == "ditolak" or (status == "selisih" and not latest.difference):
        return Option("pengembalian", "ditolak", held, payment.fee, latest.id)
    if status == "selisih":
        kind, reason = ("kurang_bayar", "kurang") if latest.difference > 0 else ("pengembalian", "kelebihan")
        return Option(kind, reason, abs(latest.difference), 0, latest.id)
    return None


def find(settlement_uuid):
    return db.session.scalar(db.select(SamsatSettlement).where(SamsatSettlement.uuid == settlement_uuid))


def of_payment(payment) -> list[SamsatSettlement]:
    return db.session.scalars(db.select(SamsatSettlement).where(SamsatSettlement.payment_id == payment.id)
                              .order_by(SamsatSettlement.id)).all()


def settle(user, approval, payment_uuid: str, form) -> SamsatSettlement:
    """Record the settlement the payment waits for, as the page showed it (`event_id`), with approval."""
    payment = db.session.scalar(db.select(SamsatPayment).where(SamsatPayment.uuid == str(payment_uuid or "")))
    if payment is None:
        raise SamsatRefused(_("Pembayaran tidak ditemukan; muat ulang halaman."), "payment")
    option = option_for(payment, payments.held([payment])[payment.id])
    if option is None:
        raise SamsatRefused(_('%(transaction_no)s (%(status_label)s) tidak perlu diselesaikan.',
                              transaction_no=payment.transaction_no, status_label=payment.status_label), "payment")
    if str(form.get("event_id") or "") != str(option.event_id):
        raise SamsatRefused(_("Status pembayaran baru saja berubah; periksa lagi sebelum menyelesaikan."), "payment")
    method, reference = _method(form)
    fee = option.fee if option.fee and form.get("fee_refund") else 0
    detail = f"{option.label} {payment.transaction_no} {payment.plate_display}"
    approver = require_approval(user, approval, f"samsat.{option.kind}", detail)
    today, shift = clock.today(), open_shift_of(user)
    settlement = SamsatSettlement(
        uuid=new_uuid(), settlement_no=_number(option.kind, today), kind=option.kind, reason=option.reason,
        payment_id=payment.id, settles_event_id=option.event_id, business_date=today, created_at=clock.now(),
        amount=option.amount, fee_refund=fee, method=method, reference=reference,
        shift_id=shift.id if shift else None, user_id=user.id, approved_by=approver.username,
        note=(form.get("note") or "").strip()[:200])
    db.session.add(settlement)
    db.session.flush()
    postings.post_settlement(settlement)
    outbox.enqueue(settlement.outbox_kind, settlement.uuid, today, payload(settlement))
    if option.reason == "ditolak":
        payments.mark_refunded(payment, settlement)
    else:
        payments.mark_difference_settled(payment, settlement)
    audit.record(f"samsat.{option.kind}", f"{settlement.settlement_no} {detail}", user=user)
    return settlement


def _method(form) -> tuple[str, str]:
    method = form.get("method") or "cash"
    if method not in METHODS:
        raise SamsatRefused(_("Pilih cara: tunai atau non-tunai."), "method")
    reference = (form.get("reference") or "").strip()
    if method == "noncash" and (not reference or len(reference) > 60):
        raise SamsatRefused(_("Isi nomor referensi transfer/QRIS (maksimal 60 karakter)."), "reference")
    return method, reference[:60] if method == "noncash" else ""


def _number(kind, business_date) -> str:
    """KMB-/KRG-<shop code>-YYYYMMDD-NNNN, gap-free per series and day (bumped in this transaction)."""
    return series_number(SERIES[kind], business_date)


def series_number(series: str, business_date, label: str | None = None) -> str:
    """<label or series>-<shop code>-YYYYMMDD-NNNN from the series' day counter, bumped in this transaction:
    two tills never draw the same number and a rolled-back act gives its number back."""
    code = get_settings().shop_code or "TOKO"
    number = bump_counter(SamsatSettlementCounter, {"series": series, "shop_code": code,
                                                    "business_date": business_date})
    return f"{label or series}-{code}-{business_date:%Y%m%d}-{day_serial(number)}"


def payload(settlement: SamsatSettlement) -> dict:
    """What the hub stores: the settlement and the payment it settles (the hub confirms it once settled)."""
    payment = settlement.payment
    return {"uuid": settlement.uuid, "kind": settlement.outbox_kind, "settlement_no": settlement.settlement_no,
            "settlement": settlement.kind, "reason": settlement.reason, "payment_uuid": payment.uuid,
            "payment_transaction_no": payment.transaction_no, "plate": payment.plate,
            "business_date": settlement.business_date.isoformat(), "created_at": settlement.created_at.isoformat(),
            "amount": settlement.amount, "fee_refund": settlement.fee_refund, "total": settlement.total,
            "method": settlement.method, "reference": settlement.reference, "kasir": settlement.user.username,
            "approved_by": settlement.approved_by}
