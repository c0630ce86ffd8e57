"""Sale arithmetic (pure): line prices, member prices, discounts, totals, payments, change, refunds.

No Flask or database here: the service hands in plain values and gets plain values back, so the
cashier screen's numbers are decided in one place and unit-tested without an app.
"""
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..money import format_rupiah, percent_of, to_rupiah
from ..refusal import Refusal
from ..till.tenders import METHODS, NEEDS_REFERENCE
from ..i18n import _

MAX_QTY = 9_999            # more of one product in one sale is a typo, not a purchase
MAX_TENDER = 1_000_000_000  # Rp 1 miliar: no single payment at a koperasi shop is larger
MAX_LINES = 200


class SaleRefused(Refusal):
    """A sale, refund or void refused (a bad quantity, discount or payment, an empty cart…)."""


@dataclass(frozen=True)
class PricedLine:
    unit_price: int
    qty: int
    gross: int       # unit_price × qty
    discount: int    # rupiah off the whole line
    total: int       # gross − discount

    @property
    def discount_percent(self) -> Decimal:
        return Decimal(self.discount) * 100 / self.gross if self.gross else Decimal(0)


@dataclass(frozen=True)
class Settlement:
    paid: int        # money applied to the sale (never more than the total)
    change: int      # cash handed back
    applied: list    # [(method, applied_amount, tendered, reference)]
    rounding: int = 0  # the cash due rounded down: borne by the koperasi, never the customer


def cash_rounding(due: int, step: int) -> int:
    """How much of a cash amount `due` the koperasi lets go when it is rounded down to `step` rupiah."""
    return due % step if step and due > 0 else 0


def check_qty(qty) -> int:
    if isinstance(qty, bool) or not isinstance(qty, int):
        raise SaleRefused(_("Jumlah barang harus bilangan bulat."), "qty")
    if qty <= 0:
        raise SaleRefused(_("Jumlah barang minimal 1."), "qty")
    if qty > MAX_QTY:
        raise SaleRefused(_('Jumlah barang tidak wajar (maksimal %(n)s).', n=MAX_QTY), "qty")
    return qty


def unit_price(price: int, member_price, is_member: bool, override=None) -> int:
    """The price per unit: an approved override, else the member price for anggota, else the price."""
    if override is not None:
        if isinstance(override, bool) or not isinstance(override, int) or not 0 < override <= MAX_TENDER:
            raise SaleRefused(_("Harga ganti tidak valid."), "price")
        return override
    if is_member and member_price is not None:
        return member_price
    return price


def parse_discount(spec, gross: int) -> int:
    """A line discount as rupiah: an integer amount, or a text like '10%' or '2.500'."""
    if spec in (None, "", 0):
        return 0
    if isinstance(spec, bool) or isinstance(spec, float):
        raise SaleRefused(_("Diskon tidak valid."), "discount")
    if isinstance(spec, str) and spec.strip().endswith("%"):
        try:
            percent = Decimal(spec.strip()[:-1].strip().replace(",", "."))
        except InvalidOperation:
            raise SaleRefused(_("Diskon persen tidak valid, mis. 10%."), "discount") from None
        if not 0 <= percent <= 100:
            raise SaleRefused(_("Diskon persen harus 0–100%."), "discount")
        amount = percent_of(gross, percent)
    else:
        text = str(spec).strip().replace(".", "")
        if not text.isdigit():
            raise SaleRefused(_("Diskon tidak valid: tulis rupiah (5000) atau persen (10%)."), "discount")
        amount = int(text)
    if amount > gross:
        raise SaleRefused(_("Diskon tidak boleh melebihi harga baris."), "discount")
    return amount


def price_line(unit: int, qty: int, discount_spec=None) -> PricedLine:
    check_qty(qty)
    gross = unit * qty
    discount = parse_discount(discount_spec, gross)
    return PricedLine(unit, qty, gross, discount, gross - discount)


def needs_approval(line: PricedLine, limit_percent, overridden: bool) -> bool:
    """A price override, or a discount above the shop's limit, needs the manager's PIN."""
    return overridden or line.discount_percent > Decimal(limit_percent)


def totals(lines) -> dict:
    """Subtotal (before discounts), discount and total of priced lines."""
    gross = sum(line.gross for line in lines)
    discount = sum(line.discount for line in lines)
    return {"subtotal": gross, "discount": discount, "total": gross - discount}


def check_tender(amount, field="amount") -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise SaleRefused(_("Jumlah bayar harus bilangan bulat rupiah."), field)
    if amount <= 0:
        raise SaleRefused(_("Jumlah bayar harus lebih dari nol."), field)
    if amount > MAX_TENDER:
        raise SaleRefused(_("Jumlah bayar terlalu besar (maksimal Rp 1.000.000.000)."), field)
    return amount


def settle(total: int, payments, round_to: int = 0) -> Settlement:
    """Apply payments [(method, amount, reference)]: non-cash first and exact, cash gives change.

    Non-cash money cannot exceed what is left to pay (there is no change from QRIS); a sale
    cannot complete underpaid. With `round_to` (100), the cash part is due rounded down.
    """
    if not payments:
        raise SaleRefused(_("Pilih cara bayar."), "payments")
    remaining, applied, cash = total, [], []
    for method, amount, reference in payments:
        if method not in METHODS:
            raise SaleRefused(_("Cara bayar tidak dikenal."), "method")
        check_tender(amount)
        if method == "cash":
            cash.append((amount, reference))
            continue
        if method in NEEDS_REFERENCE and not (reference or "").strip():
            raise SaleRefused(_('Nomor referensi %(method)s wajib diisi.', method=METHODS[method]), "reference")
        if amount > remaining:
            raise SaleRefused(_('Pembayaran %(method)s melebihi sisa tagihan.', method=METHODS[method]), "amount")
        applied.append((method, amount, amount, (reference or "").strip()))
        remaining -= amount
    tendered_cash = sum(amount for amount, _ in cash)
    rounding = cash_rounding(remaining, round_to) if cash else 0
    remaining -= rounding
    if tendered_cash < remaining:
        raise SaleRefused(_('Pembayaran kurang %(amount)s.', amount=format_rupiah(remaining - tendered_cash)), "amount")
    if tendered_cash and remaining:
        applied.append(("cash", remaining, tendered_cash, ""))
    return Settlement(paid=total - rounding, change=tendered_cash - remaining, applied=applied, rounding=rounding)


def refund_amount(line_total: int, sold_qty: int, refunded_before: int, qty: int) -> int:
    """Money back for `qty` more units of a line; all refunds of a line add up to its total exactly."""
    if qty <= 0 or refunded_before + qty > sold_qty:
        raise SaleRefused(_("Jumlah retur melebihi jumlah yang dibeli."), "qty")
    after = to_rupiah(Decimal(line_total) * (refunded_before + qty) / sold_qty)
    before = to_rupiah(Decimal(line_total) * refunded_before / sold_qty)
    return after - before

