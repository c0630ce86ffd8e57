"""The member at the till: attached by id (member prices, the ledger's party), and the member's own
tenders — Piutang anggota (kasbon) — charged in the sale's transaction and given back on a refund.

Nothing here runs for a sale without a member and without a member tender (the cash sale's hot path).
"""
from ..extensions import db
from ..members import credit, registry
from ..members.api_views import member_json
from ..members.models import Member
from ..till.tenders import MEMBER_METHODS
from .pricing import SaleRefused


def sale_member(data: dict):
    """The active member the cart names (`member_id`), or None for a customer who is not a member."""
    member_id = data.get("member_id")
    if member_id is None or member_id == "":
        return None
    return registry.usable_member(member_id)


def _by_method(payments) -> dict:
    amounts = dict.fromkeys(MEMBER_METHODS, 0)
    for payment in payments:
        if payment.method in amounts:
            amounts[payment.method] += payment.amount
    return amounts


def charge(sale, member, user) -> None:
    """Kasbon: the member's open credit grows, refused beyond the limit (the sale rolls back)."""
    amounts = _by_method(sale.payments)
    if not any(amounts.values()):
        return
    if member is None:
        raise SaleRefused("Piutang anggota dan dompet santri hanya untuk anggota: pindai kartu anggota dulu.",
                          "member_id")
    if amounts["kasbon"]:
        credit.charge(member, amounts["kasbon"], sale.receipt_no, user, sale.business_date)
    if amounts["dompet"]:
        raise SaleRefused("Dompet santri belum tersedia.", "payments")


def money_back(sale, returns, total: int) -> list:
    """[(method, amount)] of a refund: back to the member's tenders first (what they paid, less what earlier
    refunds gave back; kasbon never below what is still owed — a repaid kasbon comes back in cash), the rest
    in cash."""
    paid, given = _by_method(sale.payments), dict.fromkeys(MEMBER_METHODS, 0)
    for ret in returns:
        for method, amount in _by_method(ret.payments).items():
            given[method] += amount
    if paid["kasbon"]:
        paid["kasbon"] = min(paid["kasbon"], given["kasbon"] + sale.member_record.credit_open)
    out = []
    for method in MEMBER_METHODS:
        amount = min(total, paid[method] - given[method])
        if amount > 0:
            out.append((method, amount))
            total -= amount
    return out + ([("cash", total)] if total else [])


def give_back(ret, user) -> None:
    """A refund's or void's member tenders go back: the open kasbon shrinks."""
    amounts = _by_method(ret.payments)
    if not any(amounts.values()):
        return
    member = db.session.get(Member, ret.member_id)
    if amounts["kasbon"]:
        credit.give_back(member, amounts["kasbon"], ret.receipt_no, user, ret.business_date)


def card_json(code: str):
    """The screen's answer to a scanned member card: the member to attach, a blocked card refused, else None."""
    member, card = registry.by_card(code)
    if member is None:
        return None
    if card.blocked_at is not None or not member.active:
        why = "anggota sudah keluar" if not member.active else card.block_reason or "diblokir"
        return {"ok": False, "field": "barcode",
                "error": f"Kartu {card.code} tidak berlaku ({why}). {member.name}: minta kartu baru ke manajer."}
    return {"ok": True, "member": member_json(member)}
