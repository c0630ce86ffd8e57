"""Posting a purchase: goods in at their invoice cost (moving average), Persediaan against Kas, Bank or
Utang usaha, the outbox row — one transaction; the document becomes a fact. Add and flush only."""
from .. import audit, clock
from ..catalog import valued
from ..extensions import db
from ..ledger import acts
from ..money import format_rupiah
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import numbers, payloads
from .documents import require_draft
from .models import Purchase, Supplier
from .rules import PurchaseRefused, check_postable
from ..i18n import _


class AlreadyPosted(PurchaseRefused):
    """The document was posted by an earlier submit (double click, a second tab): nothing changes."""


def lock(purchase: Purchase) -> Purchase:
    db.session.flush()
    return db.session.scalar(db.select(Purchase).where(Purchase.id == purchase.id).with_for_update(of=Purchase)
                             .execution_options(populate_existing=True))


def prepare(purchase: Purchase, header: dict, user):
    """Lock, refuse a posted one, apply the header, check; returns (purchase, supplier, day)."""
    purchase = lock(purchase)
    if not purchase.is_draft:
        raise AlreadyPosted(_('Faktur ini sudah diposting sebagai %(doc_no)s; tidak ada yang diubah.',
                              doc_no=purchase.doc_no))
    require_draft(purchase)
    day = clock.today()
    supplier = db.session.get(Supplier, header["supplier_id"]) if header.get("supplier_id") else None
    check_postable(purchase.kind, header, supplier, purchase.lines, day)
    for key in ("invoice_no", "invoice_date", "payment", "due_date", "note"):
        setattr(purchase, key, header.get(key))
    purchase.supplier_id = getattr(supplier, "id", None)
    if header.get("payment") != "credit":
        purchase.due_date = None
    return purchase, supplier, day


def drawer_shift(user, wanted: bool):
    """The user's open shift when the cash comes out of (or goes into) the till's drawer."""
    return require_open_shift(user, _("Buka shift dulu untuk membayar dari laci kasir.")) if wanted else None


def post(purchase: Purchase, header: dict, user) -> Purchase:
    """Post a purchase draft (kind "purchase")."""
    purchase, supplier, day = prepare(purchase, header, user)
    if purchase.kind != "purchase":
        raise PurchaseRefused(_("Dokumen ini bukan faktur pembelian."), "_")
    products = valued.lock_many(line.product_id for line in purchase.lines)  # one query, not one per line
    for line in purchase.lines:
        product = products[line.product_id]
        if product.consignor_id is not None:
            raise PurchaseRefused(_('%(name)s adalah barang titipan: terima lewat dokumen titip jual.',
                                    name=line.name), "lines")
        line.sku, line.name, line.total = product.sku, product.name, line.qty * line.unit_cost
    purchase.total = sum(line.total for line in purchase.lines)
    shift = drawer_shift(user, purchase.payment == "cash" and header.get("from_drawer"))
    purchase.doc_no = numbers.next_doc("PB", day)
    name = supplier.name if supplier else ""
    costed = valued.move_many([(products[x.product_id], x.qty, x.total, x.unit_cost) for x in purchase.lines],
                              "receive", doc_uuid=purchase.uuid, business_date=day, user=user,
                              note=f"{purchase.doc_no} {name}".strip(), locked=products)
    paid = {"cash": 0, "bank": 0, "credit": 0, purchase.payment: purchase.total}
    acts.post_purchase(uuid=purchase.uuid, business_date=day, stock=sum(c.stock_change for c in costed),
                       doc_no=purchase.doc_no, supplier=name, user=user, **paid)
    mark_posted(purchase, day, shift)
    audit.record("purchase.post", f"{purchase.doc_no} {name}: {len(purchase.lines)} baris, "
                                  f"{format_rupiah(purchase.total)} ({purchase.payment})", user=user)
    return purchase


def mark_posted(purchase, day, shift=None) -> None:
    """The draft is a fact now: its day, its outbox row."""
    purchase.status, purchase.business_date, purchase.posted_at = "posted", day, clock.now()
    purchase.shift_id = getattr(shift, "id", None)
    db.session.flush()
    outbox.enqueue("purchase", purchase.uuid, day, payloads.purchase_payload(purchase))
