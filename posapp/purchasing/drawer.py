"""Purchasing's part of a shift's drawer: cash paid out of (or back into) the till during the shift."""
from ..extensions import db
from ..till.drawer import DrawerPart
from .consignment_models import ConsignmentSettlement
from .models import Purchase
from .payment_models import PurchaseReturn, SupplierPayment


def _sum(column, *where) -> int:
    return int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(column), 0)).where(*where)))


def shift_part(shift) -> DrawerPart:
    bought = _sum(Purchase.total, Purchase.shift_id == shift.id, Purchase.kind == "purchase")
    paid = _sum(SupplierPayment.amount, SupplierPayment.shift_id == shift.id)
    back = _sum(PurchaseReturn.total, PurchaseReturn.shift_id == shift.id)
    settled = _sum(ConsignmentSettlement.amount, ConsignmentSettlement.shift_id == shift.id)
    rows = [(label, amount) for label, amount in (("Pembelian tunai dari laci", -bought),
                                                  ("Bayar utang pemasok dari laci", -paid),
                                                  ("Uang kembali retur pembelian", back),
                                                  ("Bayar penitip (titip jual) dari laci", -settled)) if amount]
    return DrawerPart(cash=back - bought - paid - settled, figures={"purchasing": rows})
