"""Simpanan: pokok (once), wajib (monthly, arrears shown), sukarela (any amount, withdrawable).

Every deposit or withdrawal is a Saving with a UUID and a gap-free number, its journal entry and its
outbox row, in one transaction. A withdrawal locks the member's row first, so two tills can never pay
out the same rupiah twice. Σ of all members' savings equals 3201 + 3202 + 2301 at every moment.
"""
from .. import audit, clock
from ..auth.approval import require_approval
from ..database import new_uuid
from ..extensions import db
from ..money import MoneyError, format_rupiah as _rp, parse_rupiah
from ..shop.service import get_settings
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import numbers, postings, registry, rules
from .models import Member, Saving
from .rules import MemberRefused
from ..i18n import N_, _

KINDS = ("pokok", "wajib", "sukarela")
METHODS = {"cash": N_("Tunai"), "transfer": N_("Transfer"), "shu": N_("Pembagian SHU")}
MAX_MONTHS = 120
MAX_AMOUNT = 1_000_000_000


def balances(member_id) -> dict:
    """{"pokok", "wajib", "sukarela", "total"} of one member."""
    return all_balances([member_id]).get(member_id) or dict.fromkeys((*KINDS, "total"), 0)


def all_balances(member_ids=None, through=None, upto_id=None) -> dict:
    """{member id: {"pokok", "wajib", "sukarela", "total"}} from the movements (up to the day `through`, or up to
    and including the movement `upto_id`, when given)."""
    signed = db.case((Saving.direction == "setor", Saving.amount), else_=-Saving.amount)
    query = db.select(Saving.member_id, Saving.kind, db.func.sum(signed)).group_by(Saving.member_id, Saving.kind)
    if member_ids is not None:
        query = query.where(Saving.member_id.in_(list(member_ids)))
    if through is not None:
        query = query.where(Saving.business_date <= through)
    if upto_id is not None:
        query = query.where(Saving.id <= upto_id)
    out = {}
    for member_id, kind, amount in db.session.execute(query):
        row = out.setdefault(member_id, dict.fromkeys((*KINDS, "total"), 0))
        row[kind] = int(amount)
        row["total"] += int(amount)
    return out


def months_paid(member_id) -> int:
    return int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(Saving.months), 0)).where(
        Saving.member_id == member_id, Saving.kind == "wajib", Saving.direction == "setor")))


def status(member: Member, today=None) -> dict:
    """Balances, whether pokok is paid, the months of wajib owed and the amounts from the settings."""
    settings, today = get_settings(), today or clock.today()
    paid = months_paid(member.id)
    figures = balances(member.id)
    arrears = rules.wajib_arrears(member.joined_on, today, paid, member.left_on)
    return {**figures, "pokok_paid": figures["pokok"] > 0, "wajib_months_paid": paid, "wajib_arrears": arrears,
            "wajib_owed": arrears * settings.simpanan_wajib, "next_period": rules.next_period(member.joined_on, paid),
            "pokok_amount": settings.simpanan_pokok, "wajib_amount": settings.simpanan_wajib}


def _amount(value, field="amount") -> int:
    try:
        amount = parse_rupiah(value, maximum=MAX_AMOUNT, field=field) if not isinstance(value, int) else value
    except MoneyError as exc:
        raise MemberRefused(str(exc), field) from None
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_AMOUNT:
        raise MemberRefused(_("Jumlah harus lebih dari Rp 0."), field)
    return amount


def lock(member: Member) -> None:
    """Take the member's row lock (PostgreSQL row lock; SQLite's writer lock) before reading balances."""
    db.session.execute(db.update(Member).where(Member.id == member.id).values(updated_at=Member.updated_at))


def _stored(saving_uuid):
    return db.session.scalar(db.select(Saving).where(Saving.uuid == saving_uuid)) if saving_uuid else None


def deposit(member: Member, kind: str, user, *, amount=None, months=1, method="cash", reference="", note="",
            saving_uuid=None, business_date=None):
    """Pay simpanan in; returns (saving, replayed). Pokok once at its set amount, wajib per month."""
    stored = _stored(saving_uuid)
    if stored is not None:
        return stored, True
    if kind not in KINDS:
        raise MemberRefused(_("Jenis simpanan tidak dikenal."), "kind")
    if not member.active:
        raise MemberRefused(_('%(name)s sudah keluar: tidak bisa menyetor simpanan.', name=member.name), "member")
    settings = get_settings()
    lock(member)
    values = {"months": 0, "period": ""}
    if kind == "pokok":
        if balances(member.id)["pokok"] > 0:
            raise MemberRefused(_("Simpanan pokok sudah dibayar (hanya sekali)."), "kind")
        amount = settings.simpanan_pokok
    elif kind == "wajib":
        months = months if isinstance(months, int) and not isinstance(months, bool) else \
            int(str(months).strip()) if str(months or "").strip().isdigit() else 0
        if not 1 <= months <= MAX_MONTHS:
            raise MemberRefused(_('Simpanan wajib untuk 1–%(n)s bulan.', n=MAX_MONTHS), "months")
        amount = months * settings.simpanan_wajib
        values = {"months": months, "period": rules.next_period(member.joined_on, months_paid(member.id))}
    else:
        amount = _amount(amount)
    return _record(member, kind, "setor", amount, user, method, reference, note, saving_uuid, business_date,
                   **values), False


def withdraw(member: Member, amount, user, *, approval=None, method="cash", reference="", note="", saving_uuid=None):
    """Take simpanan sukarela out (the manager approves); never more than the balance. (saving, replayed)"""
    stored = _stored(saving_uuid)
    if stored is not None:
        return stored, True
    amount = _amount(amount)
    lock(member)
    left = balances(member.id)["sukarela"]
    if amount > left:
        raise MemberRefused(_('Saldo simpanan sukarela hanya %(amount)s.', amount=_rp(left)), "amount")
    require_approval(user, approval, "member.withdraw", f"tarik sukarela {member.number}: {amount}")
    return _record(member, "sukarela", "tarik", amount, user, method, reference, note, saving_uuid), False


def pay_out(member: Member, user, *, approval=None, method="cash", reference="", day=None) -> list:
    """A member leaves: every simpanan is paid back (one record per kind) and the member marked as left."""
    if not member.active:
        raise MemberRefused(_("Anggota ini sudah keluar."), "member")
    if member.credit_open:
        raise MemberRefused(_('Masih ada kasbon %(amount)s: lunasi dulu.', amount=_rp(member.credit_open)), "member")
    lock(member)
    owed = balances(member.id)
    require_approval(user, approval, "member.leave", f"{member.number} keluar, simpanan {owed['total']}")
    paid = [_record(member, kind, "tarik", owed[kind], user, method, reference, "anggota keluar")
            for kind in KINDS if owed[kind] > 0]
    registry.mark_left(member, day or clock.today(), user)
    return paid


def _record(member, kind, direction, amount, user, method, reference, note, saving_uuid=None, business_date=None,
            months=0, period=""):
    if method not in METHODS:
        raise MemberRefused(_("Cara bayar tunai atau transfer."), "method")
    reference = (reference or "").strip()[:60]
    if method == "transfer" and not reference:
        raise MemberRefused(_("Nomor referensi transfer wajib diisi."), "reference")
    shift = require_open_shift(user, _("Buka shift dulu: uang tunai masuk/keluar laci kasir.")) \
        if method == "cash" else None
    day = business_date or clock.today()
    saving = Saving(uuid=saving_uuid or new_uuid(), doc_no=numbers.doc_no("SP", day), member_id=member.id, kind=kind,
                    direction=direction, amount=amount, months=months, period=period, method=method,
                    reference=reference, business_date=day, shift_id=getattr(shift, "id", None),
                    user_id=getattr(user, "id", None), note=(note or "").strip()[:200], created_at=clock.now())
    db.session.add(saving)
    db.session.flush()
    postings.post_saving(saving, member, user)
    outbox.enqueue("member_saving", saving.uuid, day, payload(saving, member))
    audit.record(f"member.saving.{direction}", f"{saving.doc_no} {member.number} {kind} {amount}", user=user)
    return saving


def payload(saving: Saving, member: Member) -> dict:
    return {"uuid": saving.uuid, "doc_no": saving.doc_no, "member_uuid": member.uuid, "member_no": member.number,
            "kind": saving.kind, "direction": saving.direction, "amount": saving.amount, "months": saving.months,
            "period": saving.period, "method": saving.method, "reference": saving.reference,
            "business_date": saving.business_date.isoformat(), "created_at": saving.created_at.isoformat()}


def statement(member: Member) -> list:
    """Every movement in order with the running balance per kind and in total: [(saving, balances after)]."""
    rows, running = [], dict.fromkeys((*KINDS, "total"), 0)
    for saving in db.session.scalars(db.select(Saving).where(Saving.member_id == member.id).order_by(Saving.id)):
        running[saving.kind] += saving.signed
        running["total"] += saving.signed
        rows.append((saving, dict(running)))
    return rows


def credit_from_shu(member: Member, amount: int, user, year: int) -> Saving:
    """A member's SHU share paid into their simpanan sukarela: Dr SHU / Cr Simpanan sukarela."""
    return _record(member, "sukarela", "setor", amount, user, "shu", "", f"Pembagian SHU tahun {year}")
