"""Utang usaha: open supplier invoices by due date, and supplier payments allocated to them.

An invoice's open amount = its total − what payments allocated to it − the returns set off against it.
Σ open amounts is the Utang usaha sub-ledger: it equals the account's balance to the rupiah.
"""
from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from ..money import format_rupiah
from ..wire import outbox
from . import numbers, payloads
from .models import Purchase, Supplier
from .payment_models import VIAS, PaymentAllocation, PurchaseReturn, SupplierPayment
from .receiving import drawer_shift
from .rules import PurchaseRefused, check_doc_uuid
from ..i18n import _


def _paid():
    return (db.select(PaymentAllocation.purchase_id, db.func.sum(PaymentAllocation.amount).label("amount"))
            .group_by(PaymentAllocation.purchase_id).subquery())


def _set_off():
    return (db.select(PurchaseReturn.purchase_id, db.func.sum(PurchaseReturn.total).label("amount"))
            .where(PurchaseReturn.settle == "credit").group_by(PurchaseReturn.purchase_id).subquery())


def open_query(supplier_id=None, purchase_ids=None):
    """(Purchase, open amount) of posted credit invoices with something still open, oldest due first."""
    paid, set_off = _paid(), _set_off()
    open_amount = (Purchase.total - db.func.coalesce(paid.c.amount, 0) - db.func.coalesce(set_off.c.amount, 0))
    query = (db.select(Purchase, open_amount.label("open"))
             .outerjoin(paid, paid.c.purchase_id == Purchase.id).outerjoin(set_off, set_off.c.purchase_id == Purchase.id)
             .where(Purchase.kind == "purchase", Purchase.status == "posted", Purchase.payment == "credit",
                    open_amount > 0).order_by(Purchase.due_date, Purchase.id))
    if supplier_id is not None:
        query = query.where(Purchase.supplier_id == supplier_id)
    if purchase_ids is not None:
        query = query.where(Purchase.id.in_(list(purchase_ids)))
    return query


def open_invoices(supplier_id=None, purchase_ids=None) -> list[tuple]:
    return [(p, int(amount)) for p, amount in db.session.execute(open_query(supplier_id, purchase_ids))]


def open_of(purchase: Purchase) -> int:
    found = open_invoices(purchase_ids=[purchase.id])
    return found[0][1] if found else 0


def total_open() -> int:
    """Σ open supplier invoices: the Utang usaha sub-ledger."""
    return sum(amount for _, amount in open_invoices())


def by_supplier() -> list[tuple]:
    """(supplier, open, overdue) per supplier with debts, the largest first."""
    today, totals = clock.today(), {}
    for purchase, amount in open_invoices():
        item = totals.setdefault(purchase.supplier_id, [purchase.supplier, 0, 0])
        item[1] += amount
        item[2] += amount if purchase.due_date and purchase.due_date < today else 0
    return sorted((tuple(v) for v in totals.values()), key=lambda x: -x[1])


def allocate_oldest_first(total: int, invoices) -> dict:
    """{purchase id: amount}: `total` spread over (purchase, open) in order (the oldest due first)."""
    out = {}
    for purchase, amount in invoices:
        if total <= 0:
            break
        out[purchase.id] = min(total, amount)
        total -= out[purchase.id]
    return out


def find_payment(doc_uuid):
    return db.session.scalar(db.select(SupplierPayment).where(SupplierPayment.uuid == doc_uuid))


def pay(user, supplier: Supplier, amounts: dict, via: str, *, doc_uuid=None, reference="", note="",
        from_drawer=False) -> tuple[SupplierPayment, bool]:
    """Pay `amounts` {purchase id: rupiah} of a supplier's open invoices; (payment, replayed)."""
    doc_uuid = check_doc_uuid(doc_uuid) if doc_uuid else new_uuid()
    existing = find_payment(doc_uuid)
    if existing is not None:
        return existing, True
    if via not in VIAS:
        raise PurchaseRefused(_("Pilih dibayar tunai atau lewat bank."), "via")
    amounts = {pid: amount for pid, amount in amounts.items() if amount}
    if not amounts or any(amount < 0 for amount in amounts.values()):
        raise PurchaseRefused(_("Isi jumlah yang dibayar untuk minimal satu faktur."), "amount")
    db.session.execute(db.select(Purchase.id).where(Purchase.id.in_(list(amounts))).with_for_update())
    open_now = {p.id: (p, amount) for p, amount in open_invoices(supplier.id, amounts)}
    for pid, amount in amounts.items():
        if pid not in open_now:
            raise PurchaseRefused(_("Faktur yang dipilih sudah lunas atau bukan milik pemasok ini."), f"bayar_{pid}")
        purchase, left = open_now[pid]
        if amount > left:
            raise PurchaseRefused(_('Pembayaran %(doc_no)s melebihi sisa utang %(left)s.', doc_no=purchase.doc_no, left=format_rupiah(left)),
                                  f"bayar_{pid}")
    return _record(user, supplier, amounts, via, doc_uuid, reference, note, from_drawer), False


def _record(user, supplier, amounts, via, doc_uuid, reference, note, from_drawer) -> SupplierPayment:
    day, total = clock.today(), sum(amounts.values())
    shift = drawer_shift(user, via == "cash" and from_drawer)
    payment = SupplierPayment(uuid=doc_uuid, doc_no=numbers.next_doc("BY", day), supplier_id=supplier.id,
                              business_date=day, via=via, amount=total, reference=(reference or "")[:60],
                              shift_id=getattr(shift, "id", None), note=(note or "")[:1000],
                              created_by_id=getattr(user, "id", None), created_at=clock.now())
    payment.allocations = [PaymentAllocation(purchase_id=pid, amount=amount) for pid, amount in sorted(amounts.items())]
    db.session.add(payment)
    db.session.flush()
    acts.post_supplier_payment(uuid=payment.uuid, business_date=day, amount=total, via=via, doc_no=payment.doc_no,
                               supplier=supplier.name, user=user)
    outbox.enqueue("supplier_payment", payment.uuid, day, payloads.payment_payload(payment))
    audit.record("purchase.pay", f"{payment.doc_no} {supplier.name}: {format_rupiah(total)} ({via})", user=user)
    return payment
