"""The member at the till: attached by id (member prices, the ledger's party), and the member's own
tenders — Piutang anggota (kasbon) and Dompet santri — charged in the sale's transaction and given back
on a refund.

Nothing here runs for a sale without a member and without a member tender (the cash sale's hot path).
"""
from ..extensions import db
from ..members import credit, registry
from ..members.api_views import member_json
from ..catalog.models import Product
from ..members.models import Member
from ..shop.service import get_settings
from ..wallet import service as wallets
from ..wallet.models import WalletMove
from ..till.tenders import MEMBER_METHODS
from .pricing import SaleRefused
from ..i18n import _


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


def charge(sale, member, user, wallet_pin=None) -> None:
    """Kasbon: the member's open credit grows, refused beyond the limit; dompet: the balance is cut, refused
    when the balance or the day's/week's limit is short (the sale rolls back)."""
    amounts = _by_method(sale.payments)
    if not any(amounts.values()):
        return
    if member is None:
        raise SaleRefused(_("Piutang anggota dan dompet santri hanya untuk anggota: pindai kartu anggota dulu."),
                          "member_id")
    if amounts["kasbon"]:
        credit.charge(member, amounts["kasbon"], sale.receipt_no, user, sale.business_date)
    if amounts["dompet"]:
        wallet = wallets.wallet_of(member.id)
        if wallet is None:
            raise SaleRefused(_('%(name)s belum punya dompet santri.', name=member.name), "payments")
        move = wallets.pay(wallet, amounts["dompet"], _limited(sale, amounts["dompet"]), user,
                           doc_no=sale.receipt_no, items=_items(sale), pin=wallet_pin)
        _remember_balance(sale.receipt_no, move.balance_after)


def _limited(sale, paid: int) -> int:
    """The part of a wallet payment that counts to the limits: the wallet pays the exempt goods (kitab, alat
    tulis, seragam…) first, the rest is jajan."""
    free = {c.strip().lower() for c in get_settings().wallet_free_categories}
    # the sale's products were just priced in this session: get() finds them without a query
    categories = {line.product_id: db.session.get(Product, line.product_id).category for line in sale.lines}
    exempt = sum(line.total for line in sale.lines if (categories[line.product_id] or "").lower() in free)
    return max(0, paid - exempt)


def _items(sale) -> str:
    return "; ".join(f"{line.name} × {line.qty}" for line in sale.lines)


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
    if amounts["dompet"]:
        wallets.refund(wallets.wallet_of(member.id), amounts["dompet"], user, doc_no=ret.receipt_no, items=_items(ret))


def _remember_balance(receipt_no, balance) -> None:
    """The balance after this request's wallet payment, for its answer and receipt without reading it back."""
    db.session.info.setdefault("wallet_balance_after", {})[receipt_no] = balance


def wallet_balance_after(sale):
    """The wallet's balance right after a wallet-paid sale (or its refund), for the receipt; else None."""
    if not any(p.method == "dompet" for p in sale.payments):
        return None
    known = db.session.info.get("wallet_balance_after", {})
    if sale.receipt_no in known:
        return known[sale.receipt_no]
    return db.session.scalar(db.select(WalletMove.balance_after).where(WalletMove.doc_no == sale.receipt_no))


def card_json(code: str):
    """The screen's answer to a scanned member card: the member to attach, a blocked card refused, else None."""
    member, card = registry.by_card(code)
    if member is None:
        return None
    if card.blocked_at is not None or not member.active:
        why = _("anggota sudah keluar") if not member.active else card.block_reason or _("diblokir")
        return {"ok": False, "field": "barcode",
                "error": _('Kartu %(code)s tidak berlaku (%(why)s). %(name)s: minta kartu baru ke manajer.', code=card.code, why=why, name=member.name)}
    return {"ok": True, "member": member_with_wallet(member)}


def member_with_wallet(member) -> dict:
    """The member as the screen shows it, with their wallet (balance, what the limits allow today)."""
    out = member_json(member)
    wallet = wallets.wallet_of(member.id)
    if wallet is not None:
        left = wallets.remaining(wallet)
        out["wallet"] = {"nis": wallet.nis, "status": wallet.status, "balance": wallet.balance,
                         "remaining_today": left["today"], "remaining_week": left["week"],
                         "pin_required": bool(get_settings().wallet_pin_required and wallet.pin_hash)}
    return out
