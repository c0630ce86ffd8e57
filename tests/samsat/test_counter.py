"""The counter service and the inquiry adapter, without the pages."""
from datetime import date

import pytest

from posapp.extensions import db
from posapp.samsat import counter, inquiry
from posapp.samsat.errors import VehicleInputError
from posapp.samsat.models import SamsatPayment
from tests.samsat.conftest import BILL_TOTAL, STNK

HUB_ANSWER = {"vehicle": {"plate": "L1234AB", "vehicle_class": "motor", "cc": 125, "njkb": 15_000_000,
                          "ownership_order": 1, "tax_due": "2026-11-01", "stnk_valid_until": "2029-11-01",
                          "blocked": False, "public_transport": False, "plate_display": "L 1234 AB",
                          "owner_name": "Ah*** Fa***", "chassis_last5": "56789", "brand": "Honda Beat"},
              "bill": {"total": BILL_TOTAL}, "verified": True}
CASH = {"chassis_check": "56789", "ktp_checked": "1", "method": "cash", "tendered": "344.788"}


@pytest.fixture
def kasir(users, counter_shift):
    return users["kasir"]


def test_without_a_hub_the_typed_stnk_is_priced_and_unverified(app, frozen_clock):
    assert inquiry.hub_configured() is False
    quote = inquiry.lookup("L 1234 AB", STNK, date(2026, 11, 24))
    assert (quote.source, quote.verified, quote.chassis_last5) == ("manual", False, "56789")
    assert counter.price(quote).total == BILL_TOTAL


def test_with_a_reachable_hub_its_register_is_used(app, frozen_clock, monkeypatch):
    monkeypatch.setattr(inquiry, "hub_function", lambda: lambda plate, on: HUB_ANSWER)
    quote = inquiry.lookup("L 1234 AB", {}, date(2026, 11, 24))  # nothing typed: the hub knows the facts
    assert (quote.source, quote.verified, quote.owner_name) == ("hub", True, "Ah*** Fa***")
    assert counter.price(quote).total == BILL_TOTAL


def test_an_unreachable_hub_falls_back_to_the_typed_stnk(app, frozen_clock, monkeypatch):
    def down(plate, on):
        raise ConnectionError("no route to host")
    monkeypatch.setattr(inquiry, "hub_function", lambda: down)
    quote = inquiry.lookup("L 1234 AB", STNK, date(2026, 11, 24))
    assert (quote.source, quote.verified) == ("manual", False)
    assert "tidak terjangkau" in quote.note
    with pytest.raises(VehicleInputError) as error:
        inquiry.lookup("L 1234 AB", {"plate": "L 1234 AB"}, date(2026, 11, 24))
    assert error.value.field == "vehicle_class"


def test_take_payment_prices_again_on_the_day_it_is_paid(kasir, frozen_clock):
    from datetime import datetime
    quote = inquiry.manual_quote(STNK)
    frozen_clock(datetime(2026, 12, 2, 10, 0))  # a month later the denda has grown
    payment, replayed = counter.take_payment(kasir, quote, counter.new_payment_uuid(),
                                             {**CASH, "tendered": "400.000"})
    assert replayed is False
    assert payment.tax == counter.price(quote, date(2026, 12, 2)).total > BILL_TOTAL
    assert payment.transaction_no.endswith("20261202-0001")


def test_a_refused_bill_cannot_be_paid(kasir, frozen_clock):
    quote = inquiry.manual_quote({**STNK, "public_transport": "1"})
    with pytest.raises(counter.SamsatRefused) as error:
        counter.take_payment(kasir, quote, counter.new_payment_uuid(), CASH)
    assert "pelat kuning" in error.value.message
    assert db.session.scalar(db.select(db.func.count(SamsatPayment.id))) == 0


def test_the_same_uuid_is_recorded_once(kasir, frozen_clock):
    quote, uuid = inquiry.manual_quote(STNK), counter.new_payment_uuid()
    first, _ = counter.take_payment(kasir, quote, uuid, CASH)
    db.session.commit()
    again, replayed = counter.take_payment(kasir, quote, uuid, CASH)
    assert replayed and again.id == first.id
    assert db.session.scalar(db.select(db.func.count(SamsatPayment.id))) == 1


def test_exact_cash_leaves_no_change_and_a_malformed_uuid_is_refused(kasir, frozen_clock):
    quote = inquiry.manual_quote(STNK)
    payment, _ = counter.take_payment(kasir, quote, counter.new_payment_uuid(), CASH)
    assert (payment.tendered, payment.change, payment.rounding) == (BILL_TOTAL, BILL_TOTAL % 100, BILL_TOTAL % 100)
    with pytest.raises(counter.SamsatRefused):
        counter.take_payment(kasir, quote, "bukan-uuid", CASH)
