"""Random sequences of acts through the public post_* functions keep the books right to the rupiah."""
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posapp.extensions import db
from posapp.ledger import acts, balances
from posapp.ledger.chart import TITIPAN

from .conftest import DAY

money = st.integers(min_value=0, max_value=5_000_000)
acts_strategy = st.lists(st.one_of(
    st.tuples(st.just("sale"), money, money, money, st.booleans()),
    st.tuples(st.just("refund"), money, money, money, st.booleans()),
    st.tuples(st.just("samsat"), st.integers(1, 10_000_000), st.integers(0, 50_000), st.booleans()),
    st.tuples(st.just("setoran"), st.floats(0, 1, allow_nan=False)),
    st.tuples(st.just("shift_close"), st.integers(-100_000, 100_000)),
), min_size=1, max_size=25)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=acts_strategy)
def test_books_stay_right(ledger, steps):
    cash = collected = deposited = 0
    try:
        for step in steps:
            kind, common = step[0], {"uuid": str(uuid.uuid4()), "business_date": DAY, "user": "kasir"}
            if kind == "sale":
                _, c, n, cost, member = step
                acts.post_sale(cash=c, noncash=n, cost=cost, member=member, doc_no="S", **common)
                cash += c
            elif kind == "refund":
                _, c, n, cost, member = step
                acts.post_refund(cash=c, noncash=n, cost=cost, member=member, doc_no="R", **common)
                cash -= c
            elif kind == "samsat":
                _, tax, fee, by_cash = step
                acts.post_samsat_payment(tax=tax, fee=fee, cash=tax + fee if by_cash else 0,
                                         noncash=0 if by_cash else tax + fee, doc_no="SAM", **common)
                cash += tax + fee if by_cash else 0
                collected += tax
            elif kind == "setoran":
                # the fraction of what is held that goes to the province (integer rupiah, never a float amount)
                amount = (collected - deposited) * round(step[1] * 100) // 100
                if amount:
                    acts.post_setoran(amount=amount, doc_no="SET", **common)
                    cash -= amount
                    deposited += amount
            else:
                acts.post_cash_difference(difference=step[1], doc_no="SHIFT", **common)
                cash += step[1]
            assert sum(row["balance"] for row in balances.trial_balance()) == 0
            assert balances.kas_balance() == cash
            assert -balances.account_balance(TITIPAN) == collected - deposited
    finally:
        db.session.rollback()
