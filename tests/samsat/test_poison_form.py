"""The Samsat counter refuses numbers and text no table or hub can hold: a message, never a 500, nothing saved."""
import pytest

from posapp.extensions import db
from posapp.samsat.models import SamsatPayment
from posapp.wire.models import Outbox

from .conftest import STNK, bill_uuid


def nothing_saved():
    return db.session.scalar(db.select(db.func.count()).select_from(SamsatPayment)) == 0 and \
        db.session.scalar(db.select(db.func.count()).select_from(Outbox)) == 0


@pytest.mark.parametrize("field, value", [
    ("cc", "9" * 30), ("cc", "²"), ("cc", "1.²"), ("cc", "9" * 5000), ("ownership_order", "9" * 25),
    ("njkb", "9" * 30), ("njkb", "Rp ²"), ("pkb_pokok", "9" * 25), ("plate", "L 1\x00 AB"), ("owner_name", "x\x00"),
    ("brand", "a" * 30_000), ("tax_due", "9" * 30), ("chassis_no", "MH1\x00")])
def test_a_bad_stnk_fact_is_a_message_on_the_form(kasir_client, counter_shift, field, value):
    response = kasir_client.post("/samsat/tagihan", data={**STNK, field: value})
    assert response.status_code == 400, response.status_code
    assert nothing_saved()


@pytest.mark.parametrize("fields", [{"tendered": "9" * 30}, {"tendered": "²"}, {"tendered": "Rp ²"},
                                    {"method": "noncash", "reference": "QR\x001234"}, {"chassis_check": "5678\x00"}])
def test_a_bad_payment_field_records_nothing(kasir_client, counter_shift, show_bill, pay, fields):
    response = pay(bill_uuid(show_bill()), **fields)
    assert response.status_code == 400, response.status_code
    assert nothing_saved()


@pytest.mark.parametrize("value", ["9" * 25, "²", "-1"])
def test_a_tampered_setoran_choice_is_refused(manajer_client, value):
    response = manajer_client.post("/samsat/setoran", data={"payment_id": value})
    assert response.status_code == 400
