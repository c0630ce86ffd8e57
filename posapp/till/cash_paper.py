"""A cash movement on paper: bukti kas keluar / kas masuk (receipt printer or PDF), signed by hand."""
from dataclasses import dataclass, field
from datetime import date, datetime

from .. import clock
from ..ledger.cashbook import EXPENSE_CATEGORIES, KINDS
from ..receipts.data import ShopIdentity
from ..shop.service import get_settings


@dataclass
class CashMovementData:
    shop: ShopIdentity
    receipt_no: str
    title: str
    kind_label: str
    category: str
    amount: int
    via: str
    note: str
    business_date: date
    issued_at: datetime
    user: str
    approved_by: str = ""
    reverses: str = ""
    printed_at: datetime = field(default_factory=clock.now)


TITLES = {"expense": "BUKTI KAS KELUAR", "income": "BUKTI KAS MASUK", "capital": "BUKTI KAS MASUK (MODAL)",
          "deposit": "BUKTI SETOR KE BANK", "withdraw": "BUKTI AMBIL DARI BANK"}


def cash_movement_data(movement) -> CashMovementData:
    title = TITLES[movement.kind] + (" — PEMBATALAN" if movement.reverses_id else "")
    return CashMovementData(
        shop=ShopIdentity.from_settings(get_settings()), receipt_no=movement.doc_no, title=title,
        kind_label=KINDS[movement.kind], category=EXPENSE_CATEGORIES.get(movement.category, ""), amount=movement.amount,
        via="Tunai" if movement.via == "cash" else "Bank", note=movement.note, business_date=movement.business_date,
        issued_at=movement.created_at, user=movement.user.full_name,
        approved_by=movement.approved_by.full_name if movement.approved_by_id else "",
        reverses=movement.reverses.doc_no if movement.reverses_id else "")
