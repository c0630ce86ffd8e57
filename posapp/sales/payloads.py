"""Plain dicts of a sale: the outbox payload for the hub and the JSON answer for the screen."""
from ..till.tenders import METHODS
from . import member_tenders


def sale_payload(sale) -> dict:
    """What the hub stores of a sale, refund or void (integer rupiah, ISO times)."""
    return {
        "uuid": sale.uuid, "kind": sale.kind, "receipt_no": sale.receipt_no,
        "business_date": sale.business_date.isoformat(), "created_at": sale.created_at.isoformat(),
        "original_uuid": sale.original.uuid if sale.original_id else None,
        "shift_uuid": sale.shift.uuid, "cashier": sale.user.username,
        "approved_by": sale.approved_by.username if sale.approved_by_id else None,
        "member": sale.member, **member_fields(sale), "subtotal": sale.subtotal, "discount": sale.discount,
        "total": sale.total, "rounding": sale.rounding or 0,
        "lines": [{"sku": line.sku, "name": line.name, "qty": line.qty, "unit_price": line.unit_price,
                   "list_price": line.list_price, "discount": line.discount, "total": line.total,
                   "unit_cost": line.unit_cost} for line in sale.lines],
        "payments": [{"method": p.method, "amount": p.amount, "reference": p.reference} for p in sale.payments],
    }


def sale_result(sale, warnings=(), replayed=False, printed=None) -> dict:
    """The cashier screen's answer after "Bayar"."""
    return {
        "ok": True, "uuid": sale.uuid, "receipt_no": sale.receipt_no, "kind": sale.kind,
        "subtotal": sale.subtotal, "discount": sale.discount, "total": sale.total,
        "tendered": sale.tendered, "change": sale.change, "rounding": sale.rounding or 0, "warnings": list(warnings), "replayed": replayed,
        "lines": [{"name": line.name, "qty": line.qty, "unit_price": line.unit_price,
                   "discount": line.discount, "total": line.total} for line in sale.lines],
        "payments": [{"method": p.method, "label": METHODS.get(p.method, p.method), "amount": p.amount,
                      "reference": p.reference} for p in sale.payments],
        "print": printed, "member": member_json(sale), "wallet_balance": member_tenders.wallet_balance_after(sale),
    }


def member_fields(sale) -> dict:
    """The member a sale was made to, as the hub knows members (their UUID and number)."""
    member = sale.member_record if sale.member_id else None
    return {"member_uuid": getattr(member, "uuid", None), "member_no": getattr(member, "number", None)}


def member_json(sale):
    member = sale.member_record if sale.member_id else None
    return {"id": member.id, "number": member.number, "name": member.name} if member else None
