"""Invariant (ledger.md 6): the Titipan PKB account equals the titipan of the payments not yet settled.

Any sequence of payments, hub verdicts (confirmed, selisih either way, rejected), refunds, shortfalls
collected, excesses refunded and deposits keeps Titipan PKB (2101) equal to what a simple model of
the rules says is still owed to the province: per payment the tax charged, plus shortfalls collected,
less excesses refunded, until it is deposited or refunded whole.
"""
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from posapp.extensions import db
from posapp.ledger.balances import account_balance
from posapp.ledger.chart import TITIPAN
from posapp.samsat import counter, inquiry, payments, settlements, setoran
from tests.samsat.conftest import STNK

NJKB = ("15.000.000", "9.500.000", "22.750.000")


class Counter(RuleBasedStateMachine):
    """The counter and the manager, against a model: per payment the titipan held and whether it is settled."""

    kasir = manajer = None  # set by the test

    def __init__(self):
        super().__init__()
        self.model = []  # {"payment", "held", "open"}

    def open_rows(self, status=None):
        return [row for row in self.model if row["open"] and (status is None or row["payment"].status == status)]

    def waiting(self):
        """Open payments the manager can settle now, with what settles them."""
        out = []
        for row in self.open_rows():
            option = settlements.option_for(row["payment"], payments.held([row["payment"]])[row["payment"].id])
            if option is not None:
                out.append((row, option))
        return out

    @rule(njkb=st.sampled_from(NJKB), cash=st.booleans())
    def pay(self, njkb, cash):
        quote = inquiry.manual_quote({**STNK, "plate": f"L {len(self.model) + 1} AB", "njkb": njkb})
        form = {"chassis_check": "56789", "ktp_checked": "1", "method": "cash" if cash else "noncash",
                "tendered": "10.000.000", "reference": "QRIS-1"}
        payment, _ = counter.take_payment(self.kasir, quote, counter.new_payment_uuid(), form)
        self.model.append({"payment": payment, "held": payment.tax, "open": True})

    @precondition(lambda self: self.open_rows())
    @rule(data=st.data(), status=st.sampled_from(["terkonfirmasi", "selisih", "ditolak"]),
          difference=st.integers(-20_000, 20_000).filter(bool))
    def verdict(self, data, status, difference):
        row = data.draw(st.sampled_from(self.open_rows()))
        ntpd = "2611240000000001" if status == "terkonfirmasi" else None
        difference = {"terkonfirmasi": 0, "selisih": difference, "ditolak": None}[status]
        payments.apply_confirmation(row["payment"].uuid, status, ntpd, difference)

    @precondition(lambda self: self.open_rows("diselesaikan"))
    @rule(data=st.data())
    def hub_confirms_a_settled_difference(self, data):
        row = data.draw(st.sampled_from(self.open_rows("diselesaikan")))
        payments.apply_confirmation(row["payment"].uuid, "terkonfirmasi", "2611240000000002", 0, "settled")

    @precondition(lambda self: self.waiting())
    @rule(data=st.data(), cash=st.booleans(), with_fee=st.booleans())
    def settle(self, data, cash, with_fee):
        row, option = data.draw(st.sampled_from(self.waiting()))
        form = {"event_id": str(option.event_id), "method": "cash" if cash else "noncash", "reference": "TRF-1",
                "fee_refund": "1" if with_fee else ""}
        settlements.settle(self.manajer, None, row["payment"].uuid, form)
        if option.kind == "kurang_bayar":
            row["held"] += option.amount
        elif option.reason == "kelebihan":
            row["held"] -= option.amount
        else:
            row["open"] = False

    @precondition(lambda self: self.open_rows("terkonfirmasi"))
    @rule(data=st.data())
    def deposit(self, data):
        rows = data.draw(st.lists(st.sampled_from(self.open_rows("terkonfirmasi")), min_size=1, unique_by=id))
        setoran.record_setoran(self.manajer, [row["payment"].id for row in rows], data.draw(st.sampled_from(
            ["cash", "bank"])))
        for row in rows:
            row["open"] = False

    @invariant()
    def titipan_is_what_is_still_held(self):
        db.session.flush()
        owed = sum(row["held"] for row in self.open_rows())
        assert -account_balance(TITIPAN) == owed
        unsettled = payments.unsettled()
        assert sum(payments.held(unsettled).values()) == owed
        assert {p.id for p in unsettled} == {row["payment"].id for row in self.open_rows()}

    def teardown(self):
        db.session.rollback()  # each run starts from the committed users and shift only


def test_titipan_equals_the_payments_not_yet_settled(users, frozen_clock, samsat_fee):
    from posapp.till.shifts import open_shift
    Counter.kasir, Counter.manajer = users["kasir"], users["manajer"]
    open_shift(Counter.kasir, 100_000)
    samsat_fee(2_500)  # commits the shift too
    run_state_machine_as_test(Counter, settings=settings(max_examples=30, stateful_step_count=20, deadline=None,
                                                         suppress_health_check=[HealthCheck.function_scoped_fixture]))
