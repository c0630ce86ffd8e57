"""What each receipt layout needs: plain dataclasses filled by the sales, Samsat and shift code.

Money is integer rupiah; times are aware datetimes (shown in WIB by the layouts).
"""
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass
class ShopIdentity:
    name: str
    address: str = ""
    code: str = ""
    header: str = ""
    footer: str = ""

    @classmethod
    def from_settings(cls, settings) -> "ShopIdentity":
        """From shop.service.get_settings()."""
        return cls(name=settings.shop_name, address=settings.shop_address, code=settings.shop_code,
                   header=settings.receipt_header, footer=settings.receipt_footer)


@dataclass
class ReceiptLine:
    name: str
    qty: int | Decimal
    unit_price: int
    amount: int          # after the line discount
    discount: int = 0    # rupiah taken off this line


@dataclass
class Payment:
    method: str          # label as shown: "Tunai", "QRIS", "Transfer"
    amount: int
    reference: str = ""


@dataclass
class SaleReceiptData:
    shop: ShopIdentity
    receipt_no: str
    issued_at: datetime
    kasir: str
    lines: list[ReceiptLine]
    subtotal: int
    discount_total: int
    total: int
    payments: list[Payment]
    tendered: int = 0
    change: int = 0
    member: bool = False
    member_name: str = ""                     # the member attached at the till, with their number
    member_no: str = ""
    wallet_balance: int | None = None         # paid by dompet santri: the balance after
    rounding: int = 0                         # cash rounded down, borne by the koperasi
    copy_printed_at: datetime | None = None   # a reprint: "SALINAN" and this time
    is_refund: bool = False                   # "RETUR" of original_receipt_no
    original_receipt_no: str = ""
    note: str = ""                            # e.g. the refund reason


@dataclass
class SamsatYear:
    """Every component of one tax year, in rupiah."""
    year: int | str
    pkb: int = 0
    opsen_pkb: int = 0
    denda_pkb: int = 0
    denda_opsen_pkb: int = 0
    swdkllj: int = 0
    denda_swdkllj: int = 0

    @property
    def total(self) -> int:
        return (self.pkb + self.opsen_pkb + self.denda_pkb + self.denda_opsen_pkb
                + self.swdkllj + self.denda_swdkllj)


@dataclass
class SamsatReceiptData:
    shop: ShopIdentity
    transaction_no: str
    issued_at: datetime
    kasir: str
    plate: str
    owner_name: str
    vehicle: str
    period_old: date | None
    period_new: date | None
    years: list[SamsatYear]
    fee: int
    total: int
    payment_method: str
    tendered: int = 0
    change: int = 0
    rounding: int = 0                         # cash rounded down; the titipan stays whole
    ntpd: str | None = None                   # printed once the hub confirmed the payment
    copy_printed_at: datetime | None = None
    chassis_last5: str = ""                   # printed masked: only the last 5 characters
    stnk_valid_until: date | None = None      # the five-yearly STNK validity
    reliefs: list[str] = field(default_factory=list)  # the relief programmes applied (why a denda is 0)
    unverified: bool = False                  # priced from the typed STNK and not yet confirmed by the hub

    @property
    def receipt_no(self) -> str:
        return self.transaction_no

    @property
    def chassis_masked(self) -> str:
        return f"*****{self.chassis_last5}" if self.chassis_last5 else "-"


@dataclass
class SamsatSettlementReceiptData:
    """A pengembalian (money back to the resident) or kurang bayar (shortfall collected) of a Samsat payment."""
    shop: ShopIdentity
    settlement_no: str
    title: str                                # PENGEMBALIAN / KURANG BAYAR
    issued_at: datetime
    kasir: str
    approved_by: str
    payment_no: str                           # the payment it settles
    payment_date: date | None
    plate: str
    owner_name: str
    reason: str                               # why, in words
    amount: int                               # titipan PKB part
    fee_refund: int
    total: int
    payment_method: str
    money_out: bool                           # True: paid to the resident; False: received from them
    note: str = ""
    copy_printed_at: datetime | None = None

    @property
    def receipt_no(self) -> str:
        return self.settlement_no


@dataclass
class ShiftReportData:
    shop: ShopIdentity
    report_type: str                          # "X" (during the shift) or "Z" (closing)
    shift_no: str
    kasir: str
    opened_at: datetime
    closed_at: datetime | None
    printed_at: datetime
    sales_count: int
    sales_total: int
    refunds_count: int = 0
    refunds_total: int = 0
    voids_count: int = 0
    voids_total: int = 0
    payments: list[Payment] = field(default_factory=list)   # totals by method
    shop_money: int = 0
    samsat_money: int = 0
    drawer_rows: list = field(default_factory=list)  # other money in/out of the drawer: (label, signed amount)
    opening_cash: int = 0
    expected_cash: int = 0
    counted_cash: int | None = None
    difference: int | None = None


@dataclass
class PrinterTestData:
    shop: ShopIdentity
    printed_at: datetime
    connection: str
    paper_mm: int
