"""Setoran: the deposit of confirmed titipan to the province (Dr Titipan PKB / Cr Kas or Bank); add and flush."""
from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from . import postings
from .errors import SamsatRefused
from .models import SamsatPayment, SamsatSetoran, SamsatSetoranItem
from .payments import held, search
from .settlements import series_number
from ..i18n import _


def deposited_ids(payment_ids) -> set:
    rows = db.session.scalars(db.select(SamsatSetoranItem.payment_id)
                              .where(SamsatSetoranItem.payment_id.in_(list(payment_ids))))
    return set(rows)


def depositable():
    """Confirmed payments not yet deposited (what a setoran can cover)."""
    confirmed = search(status="terkonfirmasi", limit=5000)
    done = deposited_ids([p.id for p in confirmed])
    return [p for p in confirmed if p.id not in done]


def record_setoran(user, payment_ids, via="cash", note="") -> SamsatSetoran:
    """Deposit to the province against confirmed, not yet deposited payments; the amount is their titipan."""
    ids = sorted({int(i) for i in payment_ids})
    if not ids:
        raise SamsatRefused(_("Pilih pembayaran yang disetor."), "payments")
    if via not in ("cash", "bank"):
        raise SamsatRefused(_("Setoran lewat tunai atau bank."), "via")
    payments = db.session.scalars(db.select(SamsatPayment).where(SamsatPayment.id.in_(ids))).all()
    if len(payments) != len(ids):
        raise SamsatRefused(_("Ada pembayaran yang tidak ditemukan."), "payments")
    for payment in payments:
        if payment.status != "terkonfirmasi":
            raise SamsatRefused(_('%(transaction_no)s belum terkonfirmasi (%(status_label)s); hanya pembayaran '
                                  'terkonfirmasi yang boleh disetor.',
                                  transaction_no=payment.transaction_no, status_label=payment.status_label), "payments")
    if already := deposited_ids(ids):
        numbers = ", ".join(p.transaction_no for p in payments if p.id in already)
        raise SamsatRefused(_('Sudah pernah disetor: %(numbers)s.', numbers=numbers), "payments")
    today = clock.today()
    setoran = SamsatSetoran(uuid=new_uuid(), business_date=today, amount=sum(held(payments).values()), via=via,
                            note=(note or "").strip()[:200], user_id=user.id, created_at=clock.now(),
                            setoran_no=series_number("STR", today, label="SETOR"))
    db.session.add(setoran)
    db.session.flush()
    db.session.add_all(SamsatSetoranItem(setoran_id=setoran.id, payment_id=p.id) for p in payments)
    db.session.flush()
    postings.post_setoran(setoran)
    audit.record("samsat.setoran", f"{setoran.setoran_no}: {len(payments)} pembayaran, {setoran.amount}", user=user)
    return setoran
