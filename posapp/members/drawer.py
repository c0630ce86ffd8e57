"""The members' part of a shift's drawer: simpanan paid in and out in cash, kasbon repaid in cash."""
from ..extensions import db
from ..till.drawer import DrawerPart, moved
from .models import CreditMove, Saving
from ..i18n import N_


def shift_part(shift) -> DrawerPart:
    rows = db.session.execute(db.select(Saving.direction, db.func.count(), db.func.coalesce(db.func.sum(Saving.amount), 0))
                              .where(Saving.shift_id == shift.id, Saving.method == "cash")
                              .group_by(Saving.direction)).all()
    saved = {direction: (count, int(total)) for direction, count, total in rows}
    repaid = int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(CreditMove.amount), 0)).where(
        CreditMove.shift_id == shift.id, CreditMove.kind == "repay", CreditMove.method == "cash")))
    deposits, withdrawals = saved.get("setor", (0, 0)), saved.get("tarik", (0, 0))
    figures = {"members": {"savings_in": deposits[1], "savings_out": withdrawals[1], "credit_repaid": repaid,
                           "count": deposits[0] + withdrawals[0]}}
    rows = moved((N_("Simpanan anggota disetor tunai"), deposits[1]),
                 (N_("Simpanan anggota ditarik tunai"), -withdrawals[1]), (N_("Kasbon anggota dibayar tunai"), repaid))
    return DrawerPart(cash=deposits[1] - withdrawals[1] + repaid, figures=figures, rows=rows)
