"""Consignment acts after the receipt: the settlement (nota penyelesaian) and unsold goods returned."""
from .. import audit, clock
from ..catalog import valued
from ..catalog.stock import on_hand, record_move
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from ..money import format_rupiah
from ..wire import outbox
from . import consignment, numbers
from .consignment_models import (ConsignmentReturn, ConsignmentReturnLine, ConsignmentSettlement,
                                  ConsignmentSettlementLine)
from .models import Supplier
from .payment_models import VIAS
from .receiving import drawer_shift
from .rules import PurchaseRefused, check_doc_uuid
from ..i18n import _


def _lock(supplier: Supplier) -> Supplier:
    """One settlement or return of a producer at a time."""
    db.session.flush()
    return db.session.scalar(db.select(Supplier).where(Supplier.id == supplier.id).with_for_update()
                             .execution_options(populate_existing=True))


def settle(user, supplier: Supplier, end, via: str, *, doc_uuid=None, note="", from_drawer=False):
    """Pay what the producer is owed up to `end`; (settlement, replayed). A nota with nothing owed posts nothing."""
    doc_uuid = check_doc_uuid(doc_uuid) if doc_uuid else new_uuid()
    found = db.session.scalar(db.select(ConsignmentSettlement).where(ConsignmentSettlement.uuid == doc_uuid))
    if found is not None:
        return found, True
    supplier, today = _lock(supplier), clock.today()
    if via not in VIAS:
        raise PurchaseRefused(_("Pilih dibayar tunai atau lewat bank."), "via")
    start = consignment.period_start(supplier.id)
    if end is None or end > today or end < start:
        raise PurchaseRefused(_('Akhir periode antara %(start)s dan hari ini.',
                                start=start.strftime('%d-%m-%Y')), "sampai")
    statement = consignment.statement(supplier, end)
    if statement["amount"] < 0:
        raise PurchaseRefused(_("Saldo titipan produsen ini minus: periksa retur penjualan sebelum menyelesaikan."), "_")
    shift = drawer_shift(user, via == "cash" and from_drawer)
    settlement = ConsignmentSettlement(
        uuid=doc_uuid, doc_no=numbers.next_doc("NP", today), supplier_id=supplier.id, period_start=start,
        period_end=end, business_date=today, amount=statement["amount"], via=via, shift_id=getattr(shift, "id", None),
        note=(note or "")[:1000], created_by_id=getattr(user, "id", None), created_at=clock.now())
    settlement.lines = [ConsignmentSettlementLine(
        product_id=x["product"].id, sku=x["product"].sku, name=x["product"].name, received=x["received"],
        sold=x["sold"], returned=x["returned"], on_hand=x["on_hand"], owed=x["owed"]) for x in statement["lines"]]
    db.session.add(settlement)
    db.session.flush()
    if settlement.amount:
        acts.post_consignment_settlement(uuid=settlement.uuid, business_date=today, amount=settlement.amount, via=via,
                                         doc_no=settlement.doc_no, producer=supplier.name, user=user)
    outbox.enqueue("consignment_settlement", settlement.uuid, today, settlement_payload(settlement))
    audit.record("consignment.settle", f"{settlement.doc_no} {supplier.name} {start:%d-%m-%Y}–{end:%d-%m-%Y}: "
                                       f"{format_rupiah(settlement.amount)} ({via})", user=user)
    return settlement, False


def return_unsold(user, supplier: Supplier, quantities: dict, *, doc_uuid=None, note=""):
    """Unsold goods back to the producer ({product id: qty}); (return, replayed). No money moves."""
    doc_uuid = check_doc_uuid(doc_uuid) if doc_uuid else new_uuid()
    found = db.session.scalar(db.select(ConsignmentReturn).where(ConsignmentReturn.uuid == doc_uuid))
    if found is not None:
        return found, True
    supplier, today = _lock(supplier), clock.today()
    quantities = {pid: qty for pid, qty in quantities.items() if qty}
    if not quantities:
        raise PurchaseRefused(_("Isi jumlah barang yang dikembalikan."), "_")
    products = valued.lock_many(quantities)
    ret = ConsignmentReturn(uuid=doc_uuid, doc_no=numbers.next_doc("RT", today), supplier_id=supplier.id,
                            business_date=today, note=(note or "")[:1000], created_by_id=getattr(user, "id", None),
                            created_at=clock.now())
    for pid, qty in sorted(quantities.items()):
        product = products.get(pid)
        if product is None or product.consignor_id != supplier.id:
            raise PurchaseRefused(_("Produk itu bukan titipan produsen ini."), f"qty_{pid}")
        if not 0 < qty <= on_hand(pid):
            raise PurchaseRefused(_('%(name)s: stok titipan %(on_hand)s.',
                                    name=product.name, on_hand=on_hand(pid)), f"qty_{pid}")
        ret.lines.append(ConsignmentReturnLine(product_id=pid, sku=product.sku, name=product.name, qty=qty))
    db.session.add(ret)
    db.session.flush()
    for line in ret.lines:
        record_move(products[line.product_id], -line.qty, "titip_out", doc_uuid=ret.uuid, business_date=today,
                    user=user, note=f"{ret.doc_no} ke {supplier.name}")
    outbox.enqueue("consignment_return", ret.uuid, today, {
        "uuid": ret.uuid, "doc_no": ret.doc_no, "supplier_uuid": supplier.uuid, "business_date": today.isoformat(),
        "lines": [{"sku": x.sku, "qty": x.qty} for x in ret.lines]})
    audit.record("consignment.return", f"{ret.doc_no} {supplier.name}: {sum(x.qty for x in ret.lines)} barang",
                 user=user)
    return ret, False


def settlement_payload(settlement) -> dict:
    return {"uuid": settlement.uuid, "doc_no": settlement.doc_no, "supplier_uuid": settlement.supplier.uuid,
            "period_start": settlement.period_start.isoformat(), "period_end": settlement.period_end.isoformat(),
            "business_date": settlement.business_date.isoformat(), "amount": settlement.amount, "via": settlement.via,
            "lines": [{"sku": x.sku, "received": x.received, "sold": x.sold, "returned": x.returned,
                       "on_hand": x.on_hand, "owed": x.owed} for x in settlement.lines]}
