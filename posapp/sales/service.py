"""Completing a sale: one transaction writes the sale, lines, payments, stock moves and outbox row.

The cashier screen sends the cart once, with a UUID made when the sale started; the server
re-prices everything from the database and never trusts client totals. A replay of the same UUID
returns the stored sale; the same UUID with a different cart is refused.
"""
import hashlib
import json
import re
import uuid as uuidlib

from sqlalchemy import bindparam, select

from .. import clock
from ..auth.approval import require_approval
from ..catalog.consignment import share as consignor_share
from ..catalog.models import Product
from ..catalog.stock import record_moves
from ..extensions import db
from ..limits import is_row_id
from ..shop.service import get_settings
from ..till.shifts import require_open_shift
from ..wire import outbox
from . import member_tenders, numbers, payloads, postings, pricing
from .models import Sale
from .pricing import SaleRefused
from .writes import insert_sale as _insert_sale
from ..i18n import _


_REPLAY = select(Sale.__table__.c.id, Sale.__table__.c.request_hash).where(
    Sale.__table__.c.uuid == bindparam("uuid"))


_DISCOUNT_TEXT = re.compile(r"[0-9][0-9.,]{0,18}\s*%?")


class ReplayConflict(SaleRefused):
    """The UUID of a stored sale came back with a different cart."""

    status = 409


def check_uuid(value, field="uuid") -> str:
    try:
        return str(uuidlib.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise SaleRefused(_("ID transaksi tidak valid: muat ulang layar kasir."), field) from None


def request_hash(data: dict) -> str:
    keys = ("member_id", "lines", "payments")
    text = json.dumps({k: data.get(k) for k in keys}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def find_replay(sale_uuid: str, digest: str):
    """The stored sale for this UUID (a double-click or a retry), or None; a different cart is refused."""
    db.session.flush()  # a pending sale counts, as with an ORM query (a no-op when clean)
    # id and hash only: on the usual path (a new sale) loading nothing beats loading an ORM object
    row = db.session.connection().execute(_REPLAY, {"uuid": sale_uuid}).first()
    if row is None:
        return None
    if row.request_hash != digest:
        raise ReplayConflict(_("Transaksi dengan ID ini sudah tersimpan dengan isi berbeda. "
                             "Mulai transaksi baru."), "uuid")
    return db.session.get(Sale, row.id)


def complete_sale(user, data: dict, approval=None):
    """Record a sale from the cart `data` (a manager's `approval` for discounts); (sale, warnings, replayed)."""
    sale_uuid = check_uuid(data.get("uuid"))
    digest = request_hash(data)
    stored = find_replay(sale_uuid, digest)
    if stored is not None:
        return stored, [], True
    shift = require_open_shift(user)
    settings = get_settings()
    member = member_tenders.sale_member(data)
    priced = _price_lines(data.get("lines"), member is not None)
    approver = _approve_if_needed(user, approval, priced, settings.discount_limit_percent)
    sums = pricing.totals([line for _, line, _ in priced])
    settlement = pricing.settle(sums["total"], _payments(data.get("payments")), 100 if settings.cash_rounding else 0)
    _check_stock(priced, settings.allow_negative_stock)
    day = clock.today()
    sale = _insert_sale(dict(
        uuid=sale_uuid, request_hash=digest, kind="sale", business_date=day, shift_id=shift.id, user_id=user.id,
        original_id=None, approved_by_id=getattr(approver, "id", None), member=member is not None,
        member_id=getattr(member, "id", None),
        receipt_no=numbers.receipt_no(settings.shop_code, day), created_at=clock.now(),
        subtotal=sums["subtotal"], discount=sums["discount"], total=sums["total"],
        tendered=sum(t for _, _, t, _ in settlement.applied), change=settlement.change,
        rounding=settlement.rounding, note=""),
        [dict(product_id=product.id, original_line_id=None, name=product.name, sku=product.sku, qty=line.qty,
              unit_price=line.unit_price, list_price=product.price, discount=line.discount, total=line.total,
              unit_cost=0 if product.consigned else product.cost or 0, price_overridden=overridden,
              consignor_share=consignor_share(product, line.qty, line.total)) for product, line, overridden in priced],
        [dict(method=method, amount=amount, tendered=tendered, reference=reference)
         for method, amount, tendered, reference in settlement.applied])
    warnings = _move_stock(sale, priced, user)
    member_tenders.charge(sale, member, user, data.get("wallet_pin"))
    postings.post_sale(sale)  # the journal entry joins this transaction
    outbox.enqueue("sale", sale.uuid, day, payloads.sale_payload(sale))
    return sale, warnings, False


def _price_lines(raw_lines, member: bool):
    """[(product, PricedLine, overridden)] from the client's lines, priced from the database."""
    if not isinstance(raw_lines, list) or not raw_lines:
        raise SaleRefused(_("Keranjang masih kosong."), "lines")
    if len(raw_lines) > pricing.MAX_LINES:
        raise SaleRefused(_('Paling banyak %(n)s baris per transaksi.', n=pricing.MAX_LINES), "lines")
    ids = {_product_id(line) for line in raw_lines} - {None}
    # locked until the sale commits (PostgreSQL): a receipt changing the moving average waits, so the
    # cost posted as HPP is the average the stock is valued at
    products = {p.id: p for p in db.session.scalars(
        db.select(Product).where(Product.id.in_(ids)).order_by(Product.id).with_for_update(of=Product))}
    priced = []
    for raw in raw_lines:
        product = products.get(_product_id(raw))
        if product is None or not product.active:
            raise SaleRefused(_("Produk tidak dikenal atau sudah tidak dijual."), "lines")
        override = raw.get("price")
        overridden = override is not None and override != product.price
        unit = pricing.unit_price(product.price, product.member_price, member, override if overridden else None)
        priced.append((product, pricing.price_line(unit, raw.get("qty"), _discount(raw)), overridden))
    return priced


def _product_id(raw):
    """A line's product id when it is an id ({}, [1] or 2^31 is no product, not a server error)."""
    value = raw.get("product_id") if isinstance(raw, dict) else None
    return value if is_row_id(value) else None


def _discount(raw):
    """The line's discount as typed: rupiah or 'N%' in ASCII digits ("NaN%", "²" or "1e9999%" is refused)."""
    spec = raw.get("discount")
    if isinstance(spec, str) and spec.strip() and not _DISCOUNT_TEXT.fullmatch(spec.strip()):
        raise SaleRefused(_("Diskon tidak valid: tulis rupiah (5000) atau persen (10%)."), "discount")
    return spec


def _approve_if_needed(user, approval, priced, limit):
    special = [(p, line, o) for p, line, o in priced if pricing.needs_approval(line, limit, o)]
    if not special:
        return None
    detail = "; ".join(f"{p.name}: harga {line.unit_price}" + (f" (katalog {p.price})" if o else "")
                       + (f", diskon {line.discount}" if line.discount else "") for p, line, o in special)
    return require_approval(user, approval, "sale.discount", detail)


def _payments(raw):
    if not isinstance(raw, list) or not raw:
        raise SaleRefused(_("Pilih cara bayar."), "payments")
    result = []
    for item in raw:
        if not isinstance(item, dict):
            raise SaleRefused(_("Data pembayaran tidak valid."), "payments")
        method = item.get("method")  # a list or an object is no method (and cannot be looked up)
        result.append((method if isinstance(method, str) else "", item.get("amount"),
                       str(item.get("reference") or "")[:60]))
    return result


def _check_stock(priced, allow_negative: bool):
    if allow_negative:
        return
    wanted = {}
    for product, line, _changed in priced:
        wanted[product] = wanted.get(product, 0) + line.qty
    for product, qty in wanted.items():
        if product.on_hand - qty < 0:
            raise SaleRefused(_('Stok %(name)s tidak cukup (sisa %(on_hand)s).',
                                name=product.name, on_hand=product.on_hand), "lines")


def _move_stock(sale, priced, user):
    """Stock out per line; a warning for every product that goes below zero."""
    warnings, left = [], {}
    for product, line, _changed in priced:
        left[product.id] = left.get(product.id, product.on_hand) - line.qty
    record_moves([(product, -line.qty, product.cost, consignor_share(product, line.qty, line.total))
                  for product, line, _changed in priced], "sale", doc_uuid=sale.uuid, user=user,
                 business_date=sale.business_date)
    for product, _line, _changed in priced:
        if left.pop(product.id, 0) < 0:
            warnings.append(_('Stok %(name)s di bawah nol: periksa stok fisik.', name=product.name))
    return warnings
