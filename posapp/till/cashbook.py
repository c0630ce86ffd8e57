"""Kas keluar, kas masuk, tambahan modal, setor ke bank, ambil dari bank: one immutable record, its journal
entry and its outbox row in the act's transaction (add and flush only).

From the till during a shift the cash goes through the drawer (the shift's expected cash counts it);
a manager may also record office cash (no shift) or bank. Cash out above the limit in the settings
needs the manager's PIN (posapp.auth.approval).
"""
from .. import audit, clock
from ..auth.approval import require_approval
from ..database import bump_counter, new_uuid
from ..extensions import db
from ..ledger import acts
from ..ledger.cashbook import CASH_IN, EXPENSE_CATEGORIES, KINDS
from ..ledger.journal import reverse_entry
from ..ledger.models import JournalEntry
from ..money import format_rupiah
from ..shop.service import get_settings
from ..wire import outbox
from .cash_models import CashCounter, CashMovement, CashRefused
from .models import Shift
from .shifts import open_shift_of
from ..i18n import _

PREFIX = {"expense": "KK", "income": "KM", "capital": "MD", "deposit": "SB", "withdraw": "AB"}
KASIR_KINDS = ("expense", "income", "deposit")  # added capital and bank withdrawals are the manager's
MAX_AMOUNT = 1_000_000_000


def approval_limit() -> int:
    value = get_settings().cash_out_approval_limit
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def find(doc_uuid):
    return db.session.scalar(db.select(CashMovement).where(CashMovement.uuid == doc_uuid))


def _check(user, kind, amount, category, via):
    if kind not in KINDS:
        raise CashRefused(_("Pilih jenis catatan kas."), "kind")
    if kind not in KASIR_KINDS and not user.has_role("manajer"):
        raise CashRefused(_("Tambahan modal dan ambil dari bank dicatat oleh manajer."), "kind")
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= MAX_AMOUNT:
        raise CashRefused(_("Jumlah harus lebih dari Rp 0 (paling banyak Rp 1.000.000.000)."), "amount")
    if kind == "expense" and category not in EXPENSE_CATEGORIES:
        raise CashRefused(_("Pilih kategori beban."), "category")
    if via not in ("cash", "bank") or (kind in ("deposit", "withdraw") and via != "cash"):
        raise CashRefused(_("Lewat tunai atau bank."), "via")
    if via == "bank" and not user.has_role("manajer"):
        raise CashRefused(_("Catatan lewat bank dicatat oleh manajer."), "via")


def _shift(user, via, from_drawer):
    """The drawer the cash goes through: a kasir's open shift always; a manager's when they say so."""
    if via != "cash":
        return None
    shift = open_shift_of(user)
    if not user.has_role("manajer") and shift is None:
        raise CashRefused(_("Buka shift dulu: kas keluar/masuk kasir melewati laci."), "shift")
    if from_drawer and shift is None:
        raise CashRefused(_("Anda tidak punya shift terbuka: pilih kas kantor."), "from_drawer")
    return shift if (from_drawer or not user.has_role("manajer")) else None


def record(user, kind, amount, *, category="", via="cash", note="", from_drawer=False, approval=None,
           doc_uuid=None) -> tuple[CashMovement, bool]:
    """Record one movement; (movement, replayed). A second submit of the same form changes nothing."""
    doc_uuid = doc_uuid or new_uuid()
    existing = find(doc_uuid)
    if existing is not None:
        return existing, True
    category = category if kind == "expense" else ""
    _check(user, kind, amount, category, via)
    note = (note or "").strip()[:500]
    if kind == "expense" and not note:
        raise CashRefused(_("Tulis keterangan kas keluar (untuk apa, kepada siapa)."), "note")
    shift = _shift(user, via, from_drawer)
    approver = None
    if CASH_IN[kind] < 0 and amount > approval_limit():
        approver = require_approval(user, approval, f"cash.{kind}", f"{KINDS[kind]} {format_rupiah(amount)}: {note}")
    day = clock.today()
    movement = CashMovement(uuid=doc_uuid, doc_no=_number(PREFIX[kind], day), kind=kind, category=category, via=via,
                            amount=amount, note=note, business_date=day, shift_id=getattr(shift, "id", None),
                            user_id=user.id, approved_by_id=getattr(approver, "id", None), created_at=clock.now())
    db.session.add(movement)
    db.session.flush()
    acts.post_cash_movement(uuid=movement.uuid, business_date=day, kind=kind, amount=amount, category=category,
                            via=via, doc_no=movement.doc_no, note=note[:100], user=user)
    outbox.enqueue("cash_movement", movement.uuid, day, payload(movement))
    audit.record(f"cash.{kind}", f"{movement.doc_no}: {format_rupiah(amount)} {category} {note}".strip(), user=user)
    return movement, False


def reverse(user, movement: CashMovement, reason: str, approval=None) -> CashMovement:
    """Correct a movement: a new record pointing at it, its journal entry reversed (manager's approval)."""
    reason = (reason or "").strip()[:300]
    if not reason:
        raise CashRefused(_("Tulis alasan pembatalan."), "reason")
    if movement.reverses_id is not None or find_reversal(movement) is not None:
        raise CashRefused(_('%(doc_no)s sudah dibatalkan atau adalah pembatalan.', doc_no=movement.doc_no), "_")
    approver = require_approval(user, approval, "cash.reverse", f"batal {movement.doc_no}: {reason}")
    day = clock.today()
    shift = open_shift_of(user) if movement.shift_id else None
    reversal = CashMovement(uuid=new_uuid(), doc_no=_number("KR", day), kind=movement.kind,
                            category=movement.category, via=movement.via, amount=movement.amount, note=reason,
                            business_date=day, shift_id=getattr(shift, "id", None), user_id=user.id,
                            approved_by_id=approver.id, reverses_id=movement.id, created_at=clock.now())
    db.session.add(reversal)
    db.session.flush()
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source_uuid == movement.uuid,
                                                            JournalEntry.reverses_entry_id.is_(None)))
    reverse_entry(entry, user, f"{reversal.doc_no} {reason}"[:100], business_date=day)
    outbox.enqueue("cash_movement", reversal.uuid, day, payload(reversal))
    audit.record("cash.reverse", f"{reversal.doc_no} membatalkan {movement.doc_no}: {reason}", user=user)
    return reversal


def find_reversal(movement):
    return db.session.scalar(db.select(CashMovement).where(CashMovement.reverses_id == movement.id))


def _number(prefix, day) -> str:
    return f"{prefix}-{day:%Y%m%d}-{bump_counter(CashCounter, {'prefix': prefix, 'business_date': day}):04d}"


def payload(movement) -> dict:
    return {"uuid": movement.uuid, "doc_no": movement.doc_no, "kind": movement.kind, "category": movement.category,
            "via": movement.via, "amount": movement.amount, "note": movement.note,
            "business_date": movement.business_date.isoformat(), "created_at": movement.created_at.isoformat(),
            "user": movement.user.username, "approved_by": movement.approved_by.username if movement.approved_by_id else None,
            "reverses_uuid": movement.reverses.uuid if movement.reverses_id else None,
            "shift_uuid": db.session.get(Shift, movement.shift_id).uuid if movement.shift_id else None}
