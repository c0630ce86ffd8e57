"""Refunds and voids: new records pointing at the original sale, with the manager's approval.

A line can never be refunded beyond what was sold, summed over every earlier refund or void.
The original sale row is locked (SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers)
so two tills cannot refund the same line at once.
"""
from .. import audit, clock
from ..auth.approval import require_approval
from ..catalog.valued import take_back
from ..extensions import db
from ..shop.service import get_settings
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import member_tenders, numbers, payloads, postings, pricing
from .models import Payment, Sale, SaleLine
from .pricing import SaleRefused
from .service import check_uuid
from ..i18n import _


def find_sale(receipt_no: str, lock=False):
    """A completed sale by its receipt number (typed, or scanned from the receipt's QR)."""
    code = (receipt_no or "").strip().upper()
    query = db.select(Sale).where(Sale.receipt_no == code, Sale.kind == "sale")
    if lock:
        query = query.with_for_update()
    sale = db.session.scalar(query)
    if sale is None:
        raise SaleRefused(_('Struk %(value)s tidak ditemukan.', value=code or '(kosong)'), "receipt_no")
    return sale


def refunded_qty(sale) -> dict:
    """{original line id: quantity already returned} over all refunds and voids of the sale."""
    rows = db.session.execute(
        db.select(SaleLine.original_line_id, db.func.sum(SaleLine.qty)).join(Sale, SaleLine.sale_id == Sale.id)
        .where(Sale.original_id == sale.id).group_by(SaleLine.original_line_id)).all()
    return {line_id: int(qty) for line_id, qty in rows}


def returns_of(sale):
    return db.session.scalars(db.select(Sale).where(Sale.original_id == sale.id).order_by(Sale.id)).all()


def _replay(refund_uuid, sale):
    stored = db.session.scalar(db.select(Sale).where(Sale.uuid == refund_uuid))
    if stored is not None and stored.original_id != sale.id:
        raise SaleRefused(_("Permintaan retur ini sudah dipakai untuk struk lain."), "uuid")
    return stored


def refund(user, refund_uuid, receipt_no, quantities: dict, note="", approval=None):
    """Return some lines ({line id: qty}); money back in cash. Returns (refund, replayed)."""
    refund_uuid = check_uuid(refund_uuid)
    sale = find_sale(receipt_no, lock=True)
    stored = _replay(refund_uuid, sale)
    if stored is not None:
        return stored, True
    shift = require_open_shift(user)
    done = refunded_qty(sale)
    picked = []
    for line in sale.lines:
        qty = quantities.get(line.id, 0)
        if qty:
            pricing.check_qty(qty)
            amount = pricing.refund_amount(line.total, line.qty, done.get(line.id, 0), qty)
            picked.append((line, qty, amount))
    if not picked:
        raise SaleRefused(_("Pilih baris dan jumlah yang diretur."), "lines")
    approver = require_approval(user, approval, "sale.refund", f"retur {sale.receipt_no}: " + ", ".join(
        f"{line.name} × {qty}" for line, qty, _ in picked))
    total = sum(amount for _, _, amount in picked)
    money_back = member_tenders.money_back(sale, returns_of(sale), total)
    ret = _record(user, shift, sale, "refund", refund_uuid, picked, money_back, approver, note)
    audit.record("sale.refund", f"{ret.receipt_no} untuk {sale.receipt_no}: {total}", user=user)
    return ret, False


def void(user, void_uuid, receipt_no, note="", approval=None):
    """Cancel a whole sale of a still-open shift, paying back by the original methods."""
    void_uuid = check_uuid(void_uuid)
    sale = find_sale(receipt_no, lock=True)
    stored = _replay(void_uuid, sale)
    if stored is not None:
        return stored, True
    shift = require_open_shift(user)
    if not sale.shift.is_open:
        raise SaleRefused(_("Void hanya untuk transaksi di shift yang masih terbuka; gunakan retur."), "receipt_no")
    if returns_of(sale):
        raise SaleRefused(_("Transaksi ini sudah pernah diretur atau di-void."), "receipt_no")
    approver = require_approval(user, approval, "sale.void", f"void {sale.receipt_no} ({sale.total})")
    picked = [(line, line.qty, line.total) for line in sale.lines]
    ret = _record(user, shift, sale, "void", void_uuid, picked,
                  [(p.method, p.amount) for p in sale.payments], approver, note)
    audit.record("sale.void", f"{ret.receipt_no} membatalkan {sale.receipt_no}: {sale.total}", user=user)
    return ret, False


def _record(user, shift, sale, kind, doc_uuid, picked, money_back, approver, note):
    """Write the refund/void with its lines, payments, stock moves, ledger hook and outbox row."""
    day, done = clock.today(), refunded_qty(sale)
    total = sum(amount for _, _, amount in picked)
    shares = {line.id: None if line.consignor_share is None else  # consigned goods: the producer's part back
              pricing.refund_amount(line.consignor_share, line.qty, done.get(line.id, 0), qty) for line, qty, _ in picked}
    ret = Sale(uuid=doc_uuid, kind=kind, original_id=sale.id, business_date=day, shift_id=shift.id,
               user_id=user.id, approved_by_id=approver.id, member=sale.member, member_id=sale.member_id,
               created_at=clock.now(),
               receipt_no=numbers.receipt_no(get_settings().shop_code, day), subtotal=total, discount=0,
               total=total, tendered=0, change=0, note=(note or "").strip()[:500],
               rounding=total - sum(amount for _, amount in money_back))  # a void gives back the sale's rounding
    db.session.add(ret)
    for line, qty, amount in picked:
        ret.lines.append(SaleLine(product_id=line.product_id, original_line_id=line.id, name=line.name,
                                  sku=line.sku, qty=qty, unit_price=line.unit_price, list_price=line.list_price,
                                  discount=0, total=amount, unit_cost=line.unit_cost,
                                  consignor_share=shares[line.id]))
    for method, amount in money_back:
        if amount:
            ret.payments.append(Payment(method=method, amount=amount, tendered=amount))
    db.session.flush()
    # stock back at the cost it left at (the moving average takes it in; its rounding is posted)
    rounding = take_back([(line.product_id, qty, line.unit_cost, shares[line.id]) for line, qty, _ in picked],
                         ret.uuid, day, user)
    member_tenders.give_back(ret, user)
    postings.post_refund(ret, stock_rounding=rounding)  # the reversing journal entry joins this transaction
    outbox.enqueue(kind, ret.uuid, day, payloads.sale_payload(ret))
    return ret
