"""A tax year is paid once: the periods (plate, due date) a standing payment holds, and who holds them.

The primary key of samsat_period_claim is the guarantee: two tills paying the same plate at the same
instant both try to INSERT the same key; the database lets one in (SQLite serialises the writers,
PostgreSQL makes the second wait for the first and then finds the key taken), the other is refused.
"""
from dataclasses import dataclass
from datetime import date, datetime

from .. import clock
from ..database import upsert_insert
from ..extensions import db
from ..shop.service import get_settings
from .errors import AlreadyPaid
from .models import SamsatPayment, SamsatPeriodClaim
from ..i18n import _


@dataclass(frozen=True)
class Holder:
    """An earlier payment of a tax year: when and where it was paid."""
    due: date
    transaction_no: str
    paid_at: datetime
    outlet: str

    def describe(self) -> str:
        return (_('masa pajak %(due)s sudah dibayar %(format_wib)s WIB di %(outlet)s, no. transaksi %(transaction_no)s',
                  due=self.due.strftime('%d-%m-%Y'), format_wib=clock.format_wib(self.paid_at), outlet=self.outlet, transaction_no=self.transaction_no))


def dues_of(bill) -> list[date]:
    return [year.due for year in bill.years]


def _outlet() -> str:
    settings = get_settings()
    name, code = (settings.shop_name or "").strip(), (settings.shop_code or "").strip()
    return f"{name} ({code})" if name and code else name or code or _("loket ini")


def holders(plate: str, dues) -> list[Holder]:
    """The standing payments of this shop that already hold any of these tax years, earliest year first."""
    dues = list(dues)
    if not dues:
        return []
    rows = db.session.execute(
        db.select(SamsatPeriodClaim.due, SamsatPayment.transaction_no, SamsatPayment.created_at)
        .join(SamsatPayment, SamsatPayment.id == SamsatPeriodClaim.payment_id)
        .where(SamsatPeriodClaim.plate == plate, SamsatPeriodClaim.due.in_(dues))
        .order_by(SamsatPeriodClaim.due)).all()
    outlet = _outlet()
    return [Holder(due, number, paid_at, outlet) for due, number, paid_at in rows]


def refusal(plate_display: str, found: list[Holder]) -> AlreadyPaid:
    said = "; ".join(holder.describe() for holder in found)
    return AlreadyPaid(_('%(plate_display)s: %(said)s. Satu tahun pajak hanya dibayar sekali — pembayaran kedua tidak '
                         'dicatat. Bila pembayaran pertama keliru, manajer menyelesaikannya dulu (menu Belum selesai).',
                         plate_display=plate_display, said=said), found)


def check_unpaid(bill) -> None:
    """Refuse a bill whose tax years a standing payment already holds (a read: the key decides at payment)."""
    found = holders(bill.plate, dues_of(bill))
    if found:
        raise refusal(bill.plate_display, found)


def _insert(payment, dues) -> set:
    """INSERT … ON CONFLICT DO NOTHING: the dues this payment got (the others were taken)."""
    rows = [{"plate": payment.plate, "due": due, "payment_id": payment.id} for due in dues]
    statement = upsert_insert(SamsatPeriodClaim).values(rows).on_conflict_do_nothing()
    return set(db.session.execute(statement.returning(SamsatPeriodClaim.due)).scalars())


def claim(payment, dues) -> None:
    """Hold the payment's tax years, or refuse (the caller's act then rolls back, claims included)."""
    dues = sorted(set(dues))
    got = _insert(payment, dues)
    if len(got) < len(dues):
        raise refusal(payment.plate_display, [h for h in holders(payment.plate, dues) if h.due not in got])


def release(payment) -> int:
    """The payment no longer stands (ditolak): its tax years may be paid again."""
    result = db.session.execute(db.delete(SamsatPeriodClaim).where(SamsatPeriodClaim.payment_id == payment.id))
    return result.rowcount


def reclaim(payment) -> set:
    """A verdict after a rejection makes the payment stand again: hold its years where still free."""
    return _insert(payment, [date.fromisoformat(year["due"]) for year in payment.bill["years"]])
