"""The member registry: register with a gap-free number, edit, leave, cards (issue, block), look up."""
from datetime import date

from .. import audit, clock
from ..database import bump_counter, new_uuid
from ..extensions import db
from ..limits import is_row_id
from ..shop.service import get_settings
from ..wire import outbox
from . import rules
from .models import KINDS, Member, MemberCard, MemberCounter
from .rules import MemberRefused
from ..i18n import _

FIELDS = ("name", "kind", "nik", "address", "phone", "joined_on")


def clean(form: dict, today=None) -> dict:
    """The member's fields from a form or a CSV row; MemberRefused names the first bad field."""
    name = " ".join(str(form.get("name") or "").split())
    if not 2 <= len(name) <= 120:
        raise MemberRefused(_("Nama anggota 2–120 huruf."), "name")
    kind = str(form.get("kind") or "santri").strip().lower()
    kind = {"ustadz/pengurus": "ustadz", "pengurus": "ustadz"}.get(kind, kind)
    if kind not in KINDS:
        raise MemberRefused(_('Jenis anggota: %(items)s.', items=', '.join(KINDS)), "kind")
    address = " ".join(str(form.get("address") or "").split())
    if len(address) > 300:
        raise MemberRefused(_("Alamat paling panjang 300 huruf."), "address")
    return {"name": name, "kind": kind, "nik": rules.check_nik(form.get("nik")), "address": address,
            "phone": rules.check_phone(form.get("phone")), "joined_on": _date(form.get("joined_on"), today)}


def _date(value, today=None) -> date:
    today = today or clock.today()
    if isinstance(value, date):
        day = value
    elif not str(value or "").strip():
        return today
    else:
        text = str(value).strip()
        try:
            day = date.fromisoformat(text) if "-" in text else date(*reversed([int(x) for x in text.split("/")]))
        except (ValueError, TypeError):
            raise MemberRefused(_("Tanggal masuk tidak valid: TTTT-BB-HH atau HH/BB/TTTT."), "joined_on") from None
    if day > today or day.year < 1950:
        raise MemberRefused(_("Tanggal masuk tidak boleh di masa depan."), "joined_on")
    return day


def _check_nik_unique(nik, member_id=None):
    if nik and db.session.scalar(db.select(Member.id).where(Member.nik == nik, Member.id != (member_id or 0))):
        raise MemberRefused(_("NIK ini sudah terdaftar pada anggota lain."), "nik")


def next_number(joined_on: date) -> str:
    settings = get_settings()
    template = settings.member_no_format
    key = rules.counter_key(template, joined_on.year)
    seq = bump_counter(MemberCounter, {"key": key})
    return rules.format_number(template, seq, joined_on.year, settings.shop_code).upper()


def register(values: dict, user=None, act: str | None = None) -> Member:
    """A new member with the next number and a first card; flush only. `act` is the form's UUID: the same form
    sent twice (a double click, a resend) finds the member it made instead of registering another."""
    made = db.session.scalar(db.select(Member).where(Member.uuid == act)) if act else None
    if made is not None:
        return made
    _check_nik_unique(values["nik"])
    number = next_number(values["joined_on"])
    if db.session.scalar(db.select(Member.id).where(Member.number == number)):
        raise MemberRefused(_('Nomor anggota %(number)s sudah dipakai: periksa format nomor di pengaturan.',
                              number=number), "number")
    member = Member(uuid=act or new_uuid(), number=number, status="aktif", credit_limit=0, credit_open=0,
                    created_at=clock.now(), **values)
    db.session.add(member)
    db.session.flush()
    issue_card(member)
    audit.record("member.new", f"{number} {member.name}", user=user)
    publish(member)
    return member


def update(member: Member, values: dict, user=None) -> Member:
    _check_nik_unique(values["nik"], member.id)
    changed = [k for k in FIELDS if getattr(member, k) != values[k]]
    for key in changed:
        setattr(member, key, values[key])
    if changed:
        db.session.flush()
        audit.record("member.edit", f"{member.number}: {', '.join(changed)}", user=user)
        publish(member)
    return member


def mark_left(member: Member, day: date, user=None) -> None:
    """The member leaves: history kept, cards blocked (savings are paid out by savings.pay_out first)."""
    member.status, member.left_on = "keluar", day
    for card in member.cards:
        if card.blocked_at is None:
            card.blocked_at, card.block_reason = clock.now(), "anggota keluar"
    db.session.flush()
    audit.record("member.leave", f"{member.number} {member.name} keluar {day:%d-%m-%Y}", user=user)
    publish(member)


def issue_card(member: Member) -> MemberCard:
    """The next card: code = the member number (serial 1), then number-2, number-3…"""
    serial = max((c.serial for c in member.cards), default=0) + 1
    card = MemberCard(member_id=member.id, serial=serial, issued_at=clock.now(),
                      code=member.number if serial == 1 else f"{member.number}-{serial}")
    db.session.add(card)
    db.session.flush()
    db.session.refresh(member, ["cards"])
    return card


def block_and_reissue(member: Member, reason: str, user=None) -> MemberCard:
    """A lost card: blocked at once, a new one issued; balances stay with the member, not the card."""
    if not member.active:
        raise MemberRefused(_("Anggota sudah keluar: kartu tidak bisa diterbitkan."), "member")
    reason = (reason or "").strip()[:200] or "kartu hilang"
    for card in member.cards:
        if card.blocked_at is None:
            card.blocked_at, card.block_reason = clock.now(), reason
    new = issue_card(member)
    audit.record("member.card", f"{member.number}: kartu diblokir ({reason}), kartu baru {new.code}", user=user)
    return new


def by_card(code: str):
    """(member, card) for a scanned card code, or (None, None); a blocked card comes back with its member."""
    code = (code or "").strip().upper()
    if not code:
        return None, None
    card = db.session.scalar(db.select(MemberCard).where(MemberCard.code == code))
    return (card.member, card) if card else (None, None)


def usable_member(member_id) -> Member:
    """The member attached to a sale or an act: must exist and be active."""
    member = db.session.get(Member, member_id) if is_row_id(member_id) else None
    if member is None:
        raise MemberRefused(_("Anggota tidak dikenal."), "member_id")
    if not member.active:
        raise MemberRefused(_('%(name)s (%(number)s) sudah keluar dari keanggotaan.',
                              name=member.name, number=member.number), "member_id")
    return member


def search(text: str, limit=20, active_only=True):
    """Members by number, card code or name (case-insensitive, part of it)."""
    text = " ".join((text or "").split())
    if len(text) < 2:
        return []
    like = f"%{text.replace('%', '').replace('_', '')}%"
    query = db.select(Member).where(db.or_(Member.name.ilike(like), Member.number.ilike(like)))
    if active_only:
        query = query.where(Member.status == "aktif")
    return db.session.scalars(query.order_by(Member.name).limit(limit)).all()


def payload(member: Member) -> dict:
    """What the hub keeps of a member (no NIK, address or phone: the hub counts, it does not need them)."""
    return {"member_uuid": member.uuid, "number": member.number, "name": member.name, "kind": member.kind,
            "status": member.status, "joined_on": member.joined_on.isoformat(),
            "left_on": member.left_on.isoformat() if member.left_on else None, "credit_limit": member.credit_limit,
            "at": clock.now().isoformat()}


def publish(member: Member) -> None:
    """Every change of a member is a new fact for the hub (its own UUID; member_uuid names the member)."""
    outbox.enqueue("member", new_uuid(), clock.today(), payload(member))
