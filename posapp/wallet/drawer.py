"""The wallets' part of a shift's drawer: top-ups paid in cash, cash withdrawals."""
from ..extensions import db
from ..till.drawer import DrawerPart, moved
from .models import WalletMove
from ..i18n import N_


def shift_part(shift) -> DrawerPart:
    by_kind = dict(db.session.execute(db.select(WalletMove.kind, db.func.sum(WalletMove.amount)).where(
        WalletMove.shift_id == shift.id, WalletMove.method == "cash").group_by(WalletMove.kind)).all())
    topups, withdrawals = int(by_kind.get("topup") or 0), int(by_kind.get("withdraw") or 0)
    return DrawerPart(cash=topups - withdrawals, figures={"wallets": {"topups": topups, "withdrawals": withdrawals}},
                      rows=moved((N_("Isi saldo dompet santri tunai"), topups),
                                 (N_("Tarik saldo dompet santri tunai"), -withdrawals)))
