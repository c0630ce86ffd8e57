"""Samsat transaction numbers past 9,999 a day keep their order as text."""
from posapp.extensions import db
from posapp.samsat.models import SamsatCounter, SamsatPayment
from tests.samsat.conftest import bill_uuid


def test_the_10000th_payment_of_a_day_sorts_after_the_9999th(counter_shift, show_bill, pay):
    from datetime import date
    db.session.add(SamsatCounter(shop_code="KOP01", business_date=date(2026, 11, 24), last_no=9998))
    db.session.commit()
    for plate in ("L 1234 AB", "L 5678 CD"):  # two vehicles: a tax year is paid once
        assert pay(bill_uuid(show_bill(plate=plate))).status_code == 302
    numbers = db.session.scalars(db.select(SamsatPayment.transaction_no).order_by(SamsatPayment.id)).all()
    assert numbers == ["SAM-KOP01-20261124-9999", "SAM-KOP01-20261124-A10000"]
    assert db.session.scalars(db.select(SamsatPayment.transaction_no)
                              .order_by(SamsatPayment.transaction_no)).all() == numbers
