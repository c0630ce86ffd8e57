"""Member credit (kasbon / piutang anggota): limits, charges from sales, repayments, aging.

`Member.credit_open` is moved only by one conditional UPDATE, so two tills charging the same member at
once can never go past the limit; every change is also a CreditMove (the sub-ledger of 1201).
"""
from sqlalchemy import update

from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..money import format_rupiah
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import numbers, postings, rules
from .models import CreditMove, Member
from .registry import publish
from .rules import MemberRefused
from .savings import _amount
from ..i18n import _

MAX_LIMIT = 100_000_000


def available(member: Member) -> int:
    return max(0, member.credit_limit - member.credit_open)


def set_limit(member: Member, limit, user) -> None:
    """The manager sets the member's credit limit (0 = no kasbon); below the open credit only stops new kasbon."""
    limit = 0 if str(limit).strip() in ("", "0") else _amount(limit, "credit_limit")
    if limit > MAX_LIMIT:
        raise MemberRefused(_('Limit kasbon paling besar %(maximum)s.',
                              maximum=format_rupiah(MAX_LIMIT)), "credit_limit")
    if limit != member.credit_limit:
        audit.record("member.credit_limit", f"{member.number}: {member.credit_limit} → {limit}", user=user)
        member.credit_limit = limit
        db.session.flush()
        publish(member)


def _move(member, kind, amount, doc_no, user, business_date, method="", reference="", shift=None, move_uuid=None):
    move = CreditMove(uuid=move_uuid or new_uuid(), member_id=member.id, kind=kind, amount=amount, doc_no=doc_no,
                      method=method, reference=reference, business_date=business_date,
                      shift_id=getattr(shift, "id", None), user_id=getattr(user, "id", None), created_at=clock.now())
    db.session.add(move)
    db.session.flush()
    outbox.enqueue("member_credit", move.uuid, business_date, payload(move, member))
    return move


def charge(member: Member, amount: int, doc_no: str, user, business_date) -> CreditMove:
    """A sale on kasbon, in the sale's transaction; refused beyond the limit with the amount left."""
    done = db.session.execute(
        update(Member).where(Member.id == member.id, Member.status == "aktif",
                             Member.credit_open + amount <= Member.credit_limit)
        .values(credit_open=Member.credit_open + amount).returning(Member.credit_open)).first()
    if done is None:
        db.session.refresh(member)
        if member.credit_limit == 0:
            raise MemberRefused(_('%(name)s tidak punya limit kasbon.', name=member.name), "payments")
        raise MemberRefused(_('Kasbon melebihi limit %(name)s: sisa limit %(amount)s, diminta %(wanted)s.',
                              name=member.name, amount=format_rupiah(available(member)), wanted=format_rupiah(amount)), "payments")
    member.credit_open = done[0]
    return _move(member, "charge", amount, doc_no, user, business_date)


def give_back(member: Member, amount: int, doc_no: str, user, business_date) -> CreditMove:
    """A refund or void of a kasbon sale lowers the open credit (never below zero)."""
    _lower(member, amount)
    return _move(member, "refund", amount, doc_no, user, business_date)


def _lower(member, amount):
    done = db.session.execute(update(Member).where(Member.id == member.id, Member.credit_open >= amount)
                              .values(credit_open=Member.credit_open - amount).returning(Member.credit_open)).first()
    if done is None:
        db.session.refresh(member)
        raise MemberRefused(_('Kasbon %(name)s hanya %(amount)s.',
                              name=member.name, amount=format_rupiah(member.credit_open)), "amount")
    member.credit_open = done[0]


def repay(member: Member, amount, user, *, method="cash", reference="", move_uuid=None):
    """A repayment at the counter: (move, replayed); never more than the open credit."""
    stored = db.session.scalar(db.select(CreditMove).where(CreditMove.uuid == move_uuid)) if move_uuid else None
    if stored is not None:
        return stored, True
    amount = _amount(amount)
    if method not in ("cash", "transfer"):
        raise MemberRefused(_("Cara bayar tunai atau transfer."), "method")
    reference = (reference or "").strip()[:60]
    if method == "transfer" and not reference:
        raise MemberRefused(_("Nomor referensi transfer wajib diisi."), "reference")
    shift = require_open_shift(user, _("Buka shift dulu: uang tunai masuk laci kasir.")) if method == "cash" else None
    _lower(member, amount)
    day = clock.today()
    move = _move(member, "repay", amount, numbers.doc_no("KB", day), user, day, method, reference, shift, move_uuid)
    postings.post_repayment(move, member, user)
    audit.record("member.credit.repay", f"{move.doc_no} {member.number} {amount}", user=user)
    return move, False


def payload(move: CreditMove, member: Member) -> dict:
    return {"uuid": move.uuid, "member_uuid": member.uuid, "member_no": member.number, "kind": move.kind,
            "amount": move.amount, "doc_no": move.doc_no, "method": move.method, "reference": move.reference,
            "business_date": move.business_date.isoformat(), "created_at": move.created_at.isoformat()}


def moves_of(member: Member) -> list:
    return db.session.scalars(db.select(CreditMove).where(CreditMove.member_id == member.id)
                              .order_by(CreditMove.id)).all()


def aging_list(today=None) -> list:
    """[(member, {bucket: open}, total)] of every member with open credit, the largest first."""
    today = today or clock.today()
    members = db.session.scalars(db.select(Member).where(Member.credit_open > 0)).all()
    if not members:
        return []
    charges, paid = {}, {}
    for move in db.session.scalars(db.select(CreditMove).where(CreditMove.member_id.in_([m.id for m in members]))):
        if move.kind == "charge":
            charges.setdefault(move.member_id, []).append((move.business_date, move.amount))
        else:
            paid[move.member_id] = paid.get(move.member_id, 0) + move.amount
    rows = [(m, rules.aging(charges.get(m.id, []), paid.get(m.id, 0), today)) for m in members]
    return sorted(((m, b, sum(b.values())) for m, b in rows), key=lambda r: -r[2])
