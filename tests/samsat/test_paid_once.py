"""A tax year is paid once at the counter: refused with when and where while the first payment stands."""
import threading

import pytest

from posapp.extensions import db
from posapp.samsat import payments as samsat_payments
from posapp.samsat import periods
from posapp.samsat.models import SamsatPayment, SamsatPeriodClaim
from posapp.wire.models import Outbox
from tests.conftest import _logged_in
from tests.samsat.conftest import STNK, bill_uuid

FIRST_NO = "SAM-KOP01-20261124-0001"


def count_payments() -> int:
    return db.session.scalar(db.select(db.func.count(SamsatPayment.id)))


def test_the_second_bill_for_a_paid_year_says_when_and_where_and_cannot_be_paid(counter_shift, show_bill, pay):
    assert pay(bill_uuid(show_bill())).status_code == 302
    page = show_bill(plate="L-1234-AB").get_data(as_text=True)  # the same plate typed differently
    assert 'id="already-paid"' in page and 'id="pay-form"' not in page
    for words in ("01-11-2026", "24-11-2026 10:00 WIB", "Kopontren Al-Hikmah (KOP01)", FIRST_NO):
        assert words in page
    assert count_payments() == 1


def test_two_bills_shown_before_either_was_paid_record_one_payment(counter_shift, show_bill, pay):
    first, second = bill_uuid(show_bill()), bill_uuid(show_bill())  # e.g. two tabs, or a resident who came back
    assert pay(first).status_code == 302
    refused = pay(second)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "sudah dibayar" in page and FIRST_NO in page
    assert 'id="already-paid"' in page and 'id="pay-form"' not in page  # nothing left to click
    assert count_payments() == 1
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_payment")) == 1


def test_a_two_year_bill_is_refused_when_either_year_is_paid(counter_shift, show_bill, pay, frozen_clock):
    from datetime import datetime
    frozen_clock(datetime(2027, 11, 24, 10, 0))  # two years owed: 01-11-2026 and 01-11-2027
    assert pay(bill_uuid(show_bill(stnk_valid_until="2030-11-01")), tendered="900.000").status_code == 302
    payment = db.session.scalar(db.select(SamsatPayment))
    assert len(payment.bill["years"]) == 2
    held = db.session.scalars(db.select(SamsatPeriodClaim.due).order_by(SamsatPeriodClaim.due)).all()
    assert [d.isoformat() for d in held] == ["2026-11-01", "2027-11-01"]
    # an STNK typed with the later due date only: its one year is held by the first payment
    page = show_bill(tax_due="2027-11-01", stnk_valid_until="2030-11-01").get_data(as_text=True)
    assert 'id="already-paid"' in page and "01-11-2027" in page


@pytest.mark.parametrize("verdict, again", [("ditolak", True), ("selisih", False), ("terkonfirmasi", False)])
def test_the_year_is_free_again_only_when_the_first_payment_no_longer_stands(counter_shift, show_bill, pay,
                                                                             verdict, again):
    pay(bill_uuid(show_bill()))
    first = db.session.scalar(db.select(SamsatPayment))
    samsat_payments.mark_sent([first.uuid])
    samsat_payments.apply_confirmation(first.uuid, verdict, "2611240000000001" if verdict == "terkonfirmasi" else None,
                                       2_000 if verdict == "selisih" else None, "already_paid" if verdict == "ditolak"
                                       else "")
    db.session.commit()
    page = show_bill()
    assert ('id="already-paid"' not in page.get_data(as_text=True)) is again
    if again:
        assert pay(bill_uuid(page)).status_code == 302
    assert count_payments() == (2 if again else 1)


def test_a_late_verdict_after_a_rejection_holds_the_year_again_where_free(counter_shift, show_bill, pay):
    pay(bill_uuid(show_bill()))
    first = db.session.scalar(db.select(SamsatPayment))
    samsat_payments.apply_confirmation(first.uuid, "ditolak", reason="bad_sha256")
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count()).select_from(SamsatPeriodClaim)) == 0
    samsat_payments.apply_confirmation(first.uuid, "terkonfirmasi", "2611240000000001", 0)
    db.session.commit()
    assert db.session.scalar(db.select(SamsatPeriodClaim.payment_id)) == first.id
    assert 'id="already-paid"' in show_bill().get_data(as_text=True)


@pytest.fixture
def second_till(app, make_user, counter_shift):
    """Another kasir on another till, with a shift of their own."""
    make_user("kasir2", "kasir")
    client = _logged_in(app, "kasir2")
    assert client.post("/shift/buka", data={"opening_cash": "100.000"}).status_code == 302
    return client


def test_two_tills_paying_the_same_year_at_the_same_instant_one_wins(app, kasir_client, second_till, show_bill,
                                                                       pay, monkeypatch):
    """The database's key decides: the read check is skipped, as when both tills read before either wrote."""
    tills = [kasir_client, second_till]
    bills = [bill_uuid(show_bill(client=till)) for till in tills]
    monkeypatch.setattr(periods, "check_unpaid", lambda bill: None)
    start, answers = threading.Barrier(2), {}

    def pay_at(index):
        with app.app_context():  # each till is its own request thread
            start.wait()
            answers[index] = pay(bills[index], client=tills[index])
    threads = [threading.Thread(target=pay_at, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    statuses = sorted(answer.status_code for answer in answers.values())
    assert statuses == [302, 400]
    refused = next(a for a in answers.values() if a.status_code == 400).get_data(as_text=True)
    winner = db.session.scalar(db.select(SamsatPayment))
    assert count_payments() == 1 and winner.transaction_no in refused and "sudah dibayar" in refused
    assert winner.transaction_no.endswith("-0001")  # the loser's number was given back: no gap
    assert db.session.scalar(db.select(db.func.count(Outbox.id)).where(Outbox.kind == "samsat_payment")) == 1
    assert STNK["chassis_no"] in refused  # and the loser's form still shows what was typed


@pytest.mark.parametrize("online, expected", [(True, 1), (False, 0)])
def test_an_online_payment_asks_for_an_upload_at_once(app, counter_shift, show_bill, pay, monkeypatch, online,
                                                      expected):
    """samsat.md: the payment goes to the hub in the next sync, at once when online."""
    from posapp.samsat import inquiry
    from posapp.wire import soon
    asked = []
    soon.register(app, lambda: asked.append(1))
    monkeypatch.setattr(inquiry, "hub_configured", lambda: online)
    assert pay(bill_uuid(show_bill()), chassis_check="00000").status_code == 400  # refused: nothing to send
    assert asked == []
    assert pay(bill_uuid(show_bill())).status_code == 302
    assert len(asked) == expected


def test_a_failing_upload_request_never_fails_the_payment(app, counter_shift, show_bill, pay, monkeypatch):
    from posapp.samsat import inquiry
    from posapp.wire import soon

    def broken():
        raise RuntimeError("scheduler stopped")
    soon.register(app, broken)
    monkeypatch.setattr(inquiry, "hub_configured", lambda: True)
    assert pay(bill_uuid(show_bill())).status_code == 302 and count_payments() == 1
