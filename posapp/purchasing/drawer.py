"""Purchasing's part of a shift's drawer: cash paid out of (or back into) the till during the shift."""
from ..extensions import db
from ..till.drawer import DrawerPart, moved
from .consignment_models import ConsignmentSettlement
from .models import Purchase
from .payment_models import PurchaseReturn, SupplierPayment
from ..i18n import N_


def _sum(column, *where) -> int:
    return int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(column), 0)).where(*where)))


def shift_part(shift) -> DrawerPart:
    bought = _sum(Purchase.total, Purchase.shift_id == shift.id, Purchase.kind == "purchase")
    paid = _sum(SupplierPayment.amount, SupplierPayment.shift_id == shift.id)
    back = _sum(PurchaseReturn.total, PurchaseReturn.shift_id == shift.id)
    settled = _sum(ConsignmentSettlement.amount, ConsignmentSettlement.shift_id == shift.id)
    # the labels stay Indonesian (the printed Z report); the screen says them with |said
    rows = moved((N_("Pembelian tunai dari laci"), -bought), (N_("Bayar utang pemasok dari laci"), -paid),
                 (N_("Uang kembali retur pembelian"), back), (N_("Bayar penitip (titip jual) dari laci"), -settled))
    return DrawerPart(cash=back - bought - paid - settled, figures={"purchasing": list(rows)}, rows=rows)
