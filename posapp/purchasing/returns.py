"""Purchase returns (retur pembelian): goods back to the supplier at invoice cost, set off against the
debt or refunded in cash or by bank. A new fact pointing at the posted purchase. Add and flush only."""
from .. import audit, clock
from ..catalog import valued
from ..catalog.stock import on_hand
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from ..money import format_rupiah
from ..shop.service import get_settings
from ..wire import outbox
from . import numbers, payloads
from .debts import open_of
from .models import Purchase
from .payment_models import SETTLES, PurchaseReturn, PurchaseReturnLine
from .receiving import drawer_shift, lock
from .rules import PurchaseRefused, check_doc_uuid
from ..i18n import _


def returned_qty(purchase: Purchase) -> dict:
    """{purchase line id: quantity already sent back}."""
    rows = db.session.execute(db.select(PurchaseReturnLine.purchase_line_id, db.func.sum(PurchaseReturnLine.qty))
                              .join(PurchaseReturn).where(PurchaseReturn.purchase_id == purchase.id)
                              .group_by(PurchaseReturnLine.purchase_line_id)).all()
    return {line_id: int(qty) for line_id, qty in rows}


def returns_of(purchase: Purchase) -> list:
    return db.session.scalars(db.select(PurchaseReturn).where(PurchaseReturn.purchase_id == purchase.id)
                              .order_by(PurchaseReturn.id)).all()


def return_goods(user, purchase: Purchase, quantities: dict, settle: str, *, doc_uuid=None, note="",
                 from_drawer=False) -> tuple[PurchaseReturn, bool]:
    """Send back {purchase line id: qty}; (return, replayed)."""
    doc_uuid = check_doc_uuid(doc_uuid) if doc_uuid else new_uuid()
    existing = db.session.scalar(db.select(PurchaseReturn).where(PurchaseReturn.uuid == doc_uuid))
    if existing is not None:
        return existing, True
    purchase = lock(purchase)
    if purchase.status != "posted" or purchase.kind != "purchase":
        raise PurchaseRefused(_("Hanya faktur pembelian yang sudah diposting yang bisa diretur."), "_")
    if settle not in SETTLES:
        raise PurchaseRefused(_("Pilih penyelesaian retur."), "settle")
    picked = _picked(purchase, quantities)
    total = sum(qty * line.unit_cost for line, qty in picked)
    if settle == "credit" and (purchase.payment != "credit" or total > open_of(purchase)):
        raise PurchaseRefused(_('Sisa utang faktur ini %(amount)s: retur senilai %(total)s diselesaikan dengan uang '
                                'kembali.',
                                amount=format_rupiah(open_of(purchase)), total=format_rupiah(total)), "settle")
    return _record(user, purchase, picked, settle, total, doc_uuid, note, from_drawer), False


def _picked(purchase, quantities) -> list:
    done, picked = returned_qty(purchase), []
    allow_negative = get_settings().allow_negative_stock
    for line in purchase.lines:
        qty = quantities.get(line.id, 0)
        if not qty:
            continue
        if qty < 0 or qty > line.qty - done.get(line.id, 0):
            raise PurchaseRefused(_('%(name)s: paling banyak %(value)s bisa diretur.', name=line.name, value=line.qty - done.get(line.id, 0)),
                                  f"qty_{line.id}")
        if not allow_negative and on_hand(line.product_id) < qty:
            raise PurchaseRefused(_('Stok %(name)s tinggal %(on_hand)s.',
                                    name=line.name, on_hand=on_hand(line.product_id)), f"qty_{line.id}")
        picked.append((line, qty))
    if not picked:
        raise PurchaseRefused(_("Isi jumlah barang yang diretur."), "_")
    return picked


def _record(user, purchase, picked, settle, total, doc_uuid, note, from_drawer) -> PurchaseReturn:
    day = clock.today()
    shift = drawer_shift(user, settle == "cash" and from_drawer)
    ret = PurchaseReturn(uuid=doc_uuid, doc_no=numbers.next_doc("RB", day), purchase_id=purchase.id,
                         business_date=day, settle=settle, total=total, shift_id=getattr(shift, "id", None),
                         note=(note or "")[:1000], created_by_id=getattr(user, "id", None), created_at=clock.now())
    ret.lines = [PurchaseReturnLine(purchase_line_id=line.id, product_id=line.product_id, qty=qty,
                                    unit_cost=line.unit_cost, total=qty * line.unit_cost) for line, qty in picked]
    db.session.add(ret)
    db.session.flush()
    costed = valued.move_many([(line.product, -qty, -qty * line.unit_cost, line.unit_cost) for line, qty in picked],
                              "retur_beli", doc_uuid=ret.uuid, business_date=day, user=user,
                              note=f"{ret.doc_no} atas {purchase.doc_no}")
    name = purchase.supplier.name if purchase.supplier else ""
    money = {"cash": 0, "bank": 0, "credit": 0, settle: total}
    acts.post_purchase_return(uuid=ret.uuid, business_date=day, stock=sum(c.stock_change for c in costed),
                              doc_no=ret.doc_no, supplier=name, user=user, **money)
    outbox.enqueue("purchase_return", ret.uuid, day, payloads.return_payload(ret))
    audit.record("purchase.return", f"{ret.doc_no} atas {purchase.doc_no}: {format_rupiah(total)} ({settle})",
                 user=user)
    return ret
