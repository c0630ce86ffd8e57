"""Random top-ups, wallet sales, refunds and withdrawals: Σ wallet balances = Titipan dompet santri (2102)."""
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.auth.approval import Approval
from posapp.auth.models import User
from posapp.extensions import db
from posapp.ledger.balances import account_balance
from posapp.ledger.chart import TITIPAN_DOMPET
from posapp.sales import refunds, service
from posapp.wallet import service as wallets
from posapp.wallet.models import Wallet, WalletMove

steps = st.lists(st.one_of(
    st.tuples(st.just("topup"), st.integers(0, 1), st.integers(1, 200_000)),
    st.tuples(st.just("sale"), st.integers(0, 1), st.integers(1, 4)),
    st.tuples(st.just("withdraw"), st.integers(0, 1), st.integers(1, 200_000)),
    st.tuples(st.just("refund"), st.integers(0, 10)),
), min_size=1, max_size=15)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_wallets_equal_their_control_account(kasir_shift, make_member, make_product, users, plan):
    if not db.session.scalar(db.select(Wallet.id)):
        for i in range(2):
            wallets.open_wallet(make_member(f"Santri {i}"), {"nis": f"N{i}"}, None)
        make_product(price=15_000, stock=1000)
        db.session.commit()
    kasir = db.session.scalar(db.select(User).where(User.username == "kasir"))
    pocket = db.session.scalars(db.select(Wallet).order_by(Wallet.id)).all()
    product_id = db.session.scalar(db.select(db.text("id FROM product")))
    sales = []
    try:
        for step in plan:
            wallet = pocket[step[1] % 2]
            if step[0] == "topup":
                wallets.topup(wallet, step[2], kasir)
            elif step[0] == "withdraw" and wallet.balance:
                wallets.withdraw(wallet, min(step[2], wallet.balance), kasir, approval=Approval("manajer", "222222"))
            elif step[0] == "sale" and wallet.balance >= 15_000 * step[2]:
                sale, _, _ = service.complete_sale(kasir, {
                    "uuid": str(uuid.uuid4()), "member_id": wallet.member_id,
                    "lines": [{"product_id": product_id, "qty": step[2]}],
                    "payments": [{"method": "dompet", "amount": 15_000 * step[2]}]})
                sales.append(sale)
            elif step[0] == "refund" and sales:
                sale = sales[step[1] % len(sales)]
                if not refunds.refunded_qty(sale):
                    refunds.refund(kasir, str(uuid.uuid4()), sale.receipt_no, {sale.lines[0].id: 1},
                                   approval=Approval("manajer", "222222"))
            db.session.flush()
            total = sum(db.session.scalars(db.select(Wallet.balance)))
            moved = sum(m.signed for m in db.session.scalars(db.select(WalletMove)))
            assert total == moved == -account_balance(TITIPAN_DOMPET) and min(w.balance for w in pocket) >= 0
    finally:
        db.session.rollback()
        db.session.expunge_all()
