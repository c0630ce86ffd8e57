"""Stock documents: receipt of goods, adjustment, stock opname; the stock card (flush, never commit).

Every document carries the doc_uuid made when its form was rendered, so a second submit of the
same form (double click, browser back + resend) is refused and changes nothing.
"""
from sqlalchemy import func

from .. import audit, clock
from ..extensions import db
from ..ledger import acts
from ..refusal import Refusal
from ..shop.service import get_settings
from . import counting, valued
from .models import ADJUST_REASONS, Product, StockLevel, StockMove
from .stock import document_exists, on_hand
from ..i18n import N_, _

ALREADY_SAVED = N_("Dokumen ini sudah tersimpan sebelumnya; tidak ada yang diubah (formulir terkirim dua kali?).")
OPNAME_MAX_ITEMS = 1500  # one count sheet; larger shops count per category


class StockRefused(Refusal):
    """A refused stock document: `field` names the form field, None for the whole form."""


class AlreadySaved(StockRefused):
    """The form's doc_uuid is already used: the document was saved by an earlier submit."""

    def __init__(self):
        super().__init__(_(ALREADY_SAVED))


def _check_document(doc_uuid):
    if not doc_uuid or len(doc_uuid) != 36:
        raise StockRefused(_("Formulir tidak lengkap: muat ulang halaman lalu isi lagi."))
    if document_exists(doc_uuid):
        raise AlreadySaved()


def adjust(product: Product, qty: int, reason: str, doc_uuid: str, *, note="", user=None):
    """A signed correction with a reason; stock may go below 0 only where the shop allows it."""
    _check_document(doc_uuid)
    if reason not in ADJUST_REASONS:
        raise StockRefused(_("Pilih alasan penyesuaian."), "reason")
    after = on_hand(product.id) + qty
    if after < 0 and not get_settings().allow_negative_stock:
        raise StockRefused(_('Stok akan menjadi %(after)s: tidak boleh di bawah 0.', after=after), "qty")
    costed = valued.adjust_valued(product, qty, "adjust", doc_uuid, reason=reason, note=note, user=user)
    audit.record("stock.adjust", f"{product.sku}: {qty:+d} {product.unit} ({ADJUST_REASONS[reason]}) {note}"
                 .strip(), user=user)
    return costed


def opname_products(category=""):
    """The count sheet: active products (of one category), with their stock now."""
    query = (db.select(Product, func.coalesce(StockLevel.on_hand, 0))
             .outerjoin(StockLevel, StockLevel.product_id == Product.id)
             .where(Product.active.is_(True)).order_by(Product.name, Product.id).limit(OPNAME_MAX_ITEMS + 1))
    if category:
        query = query.where(Product.category == category)
    return db.session.execute(query).all()


def post_opname(lines, doc_uuid: str, *, category="", user=None) -> list:
    """Post (product_id, system at count time, counted) lines; returns the differences posted."""
    _check_document(doc_uuid)
    diffs = counting.opname_differences(lines)
    products = valued.lock_many(d[0] for d in diffs) if diffs else {}  # id order, as a sale locks them
    day, value = clock.today(), 0
    for pid, system, counted, diff in diffs:
        product = products.get(pid)
        if product is None:
            raise StockRefused(_("Produk pada lembar hitung tidak ditemukan; mulai opname lagi."))
        value += valued.move_at_average(product, diff, "opname", reason="opname", business_date=day, user=user,
                                        note=f"Opname: sistem {system}, hitung {counted}", doc_uuid=doc_uuid).stock_change
    acts.post_stock_difference(uuid=doc_uuid, business_date=day, stock=value, source="opname",
                               doc_no=f"OPNAME-{day:%Y%m%d}", note=category or "semua kategori", user=user)
    counted = sum(1 for line in lines if line[2] is not None)
    audit.record("stock.opname", f"{category or 'semua kategori'}: {counted} produk dihitung, "
                 f"{len(diffs)} selisih; dokumen {doc_uuid}", user=user)
    return diffs


def stock_card(product: Product, page: int, per_page: int = 100):
    """The product's moves, newest first, each with the balance after it."""
    query = db.select(StockMove).where(StockMove.product_id == product.id).order_by(StockMove.id.desc())
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    moves = pagination.items
    balance = on_hand(product.id)
    if moves:
        # Moves newer than this page are subtracted to find the balance after its newest move.
        newer = db.session.scalar(db.select(func.coalesce(func.sum(StockMove.qty), 0)).where(
            StockMove.product_id == product.id, StockMove.id > moves[0].id))
        balance -= newer
    rows = list(zip(moves, counting.running_balances(balance, [m.qty for m in moves])))
    return pagination, rows
