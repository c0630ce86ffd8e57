"""Purchasing documents on paper (receipt printer or PDF): the data the layouts in receipts/ read."""
from dataclasses import dataclass, field
from datetime import date, datetime

from .. import clock
from ..receipts.data import ReceiptLine, ShopIdentity
from ..shop.service import get_settings
from .models import PAYMENTS
from .payment_models import SETTLES, VIAS


@dataclass
class StockDocData:
    """A purchase, a consignment receipt, a return to the supplier or producer."""
    shop: ShopIdentity
    receipt_no: str
    title: str
    supplier: str
    business_date: date
    lines: list[ReceiptLine]
    total: int
    payment: str = ""
    invoice_no: str = ""
    invoice_date: date | None = None
    due_date: date | None = None
    reference_no: str = ""          # a return: the document it returns
    created_by: str = ""
    note: str = ""
    printed_at: datetime = field(default_factory=clock.now)


@dataclass
class PaymentData:
    """Money paid to a supplier (bukti pembayaran)."""
    shop: ShopIdentity
    receipt_no: str
    title: str
    supplier: str
    business_date: date
    via: str
    amount: int
    items: list[tuple]              # (document number, amount)
    bank: str = ""
    reference: str = ""
    created_by: str = ""
    printed_at: datetime = field(default_factory=clock.now)


def _shop():
    return ShopIdentity.from_settings(get_settings())


def _who(user):
    return getattr(user, "full_name", "") or ""


def purchase_data(purchase) -> StockDocData:
    title = "TANDA TERIMA BARANG TITIPAN" if purchase.kind == "consignment" else "BUKTI PENERIMAAN BARANG"
    lines = [ReceiptLine(name=x.name, qty=x.qty, unit_price=x.unit_cost, amount=x.total) for x in purchase.lines]
    return StockDocData(shop=_shop(), receipt_no=purchase.doc_no, title=title,
                        supplier=purchase.supplier.name if purchase.supplier else "-",
                        business_date=purchase.business_date, lines=lines, total=purchase.total,
                        payment="" if purchase.kind == "consignment" else PAYMENTS.get(purchase.payment, ""),
                        invoice_no=purchase.invoice_no, invoice_date=purchase.invoice_date,
                        due_date=purchase.due_date, created_by=_who(purchase.created_by), note=purchase.note)


def return_data(ret) -> StockDocData:
    lines = [ReceiptLine(name=x.purchase_line.name, qty=x.qty, unit_price=x.unit_cost, amount=x.total)
             for x in ret.lines]
    return StockDocData(shop=_shop(), receipt_no=ret.doc_no, title="NOTA RETUR PEMBELIAN",
                        supplier=ret.purchase.supplier.name if ret.purchase.supplier else "-",
                        business_date=ret.business_date, lines=lines, total=ret.total,
                        payment=SETTLES.get(ret.settle, ""), reference_no=ret.purchase.doc_no,
                        created_by=_who(ret.created_by), note=ret.note)


def payment_data(payment) -> PaymentData:
    supplier = payment.supplier
    bank = " ".join(x for x in (supplier.bank_name, supplier.bank_account, supplier.bank_holder) if x)
    return PaymentData(shop=_shop(), receipt_no=payment.doc_no, title="BUKTI PEMBAYARAN KE PEMASOK",
                       supplier=supplier.name, business_date=payment.business_date, via=VIAS.get(payment.via, ""),
                       amount=payment.amount, bank=bank if payment.via == "bank" else "", reference=payment.reference,
                       items=[(a.purchase.doc_no + (f" ({a.purchase.invoice_no})" if a.purchase.invoice_no else ""),
                               a.amount) for a in payment.allocations], created_by=_who(payment.created_by))


@dataclass
class SettlementData:
    """The nota penyelesaian titip jual a producer signs."""
    shop: ShopIdentity
    receipt_no: str
    producer: str
    period_start: date
    period_end: date
    business_date: date
    lines: list                      # ConsignmentSettlementLine
    amount: int
    via: str
    bank: str = ""
    created_by: str = ""
    printed_at: datetime = field(default_factory=clock.now)


def settlement_data(settlement) -> SettlementData:
    supplier = settlement.supplier
    bank = " ".join(x for x in (supplier.bank_name, supplier.bank_account, supplier.bank_holder) if x)
    return SettlementData(shop=_shop(), receipt_no=settlement.doc_no, producer=supplier.name,
                          period_start=settlement.period_start, period_end=settlement.period_end,
                          business_date=settlement.business_date, lines=list(settlement.lines),
                          amount=settlement.amount, via=VIAS.get(settlement.via, ""),
                          bank=bank if settlement.via == "bank" else "", created_by=_who(settlement.created_by))


def consignment_return_data(ret) -> StockDocData:
    lines = [ReceiptLine(name=x.name, qty=x.qty, unit_price=0, amount=0) for x in ret.lines]
    return StockDocData(shop=_shop(), receipt_no=ret.doc_no, title="NOTA PENGEMBALIAN BARANG TITIPAN",
                        supplier=ret.supplier.name, business_date=ret.business_date, lines=lines, total=0,
                        created_by=_who(ret.created_by), note=ret.note)
