"""The cashier's JSON API refuses what no table or hub can hold: a clear message, nothing saved, never a 500."""
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from posapp.extensions import db
from posapp.sales.models import Sale
from posapp.wire.models import Outbox


def nothing_saved():
    return db.session.scalar(db.select(db.func.count()).select_from(Sale)) == 0 and \
        db.session.scalar(db.select(db.func.count()).select_from(Outbox)) == 0


def cart(product_id, **payment):
    return {"uuid": str(uuid.uuid4()), "member": False, "lines": [{"product_id": product_id, "qty": 1}],
            "payments": [{"method": "cash", "amount": 10000, **payment}]}


def test_a_nul_in_a_payment_reference_is_never_accepted(kasir_client, kasir_shift, make_product):
    p = make_product()
    body = cart(p.id)
    body["payments"] = [{"method": "qris", "amount": 10000, "reference": "QR\u00001234"}]
    response = kasir_client.post("/kasir/api/jual", json=body)
    assert response.status_code == 400
    assert response.get_json()["ok"] is False and "tidak bisa disimpan" in response.get_json()["error"]
    assert nothing_saved()


@pytest.mark.parametrize("product_id", [{}, [1], [], "1", None, True, 1.5, 2 ** 31, 0, 2 ** 63, -(2 ** 64)])
def test_a_product_id_that_is_not_an_id_is_refused(kasir_client, kasir_shift, make_product, product_id):
    make_product()
    response = kasir_client.post("/kasir/api/jual", json=cart(product_id))
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.get_json()["ok"] is False and response.get_json()["error"]
    assert nothing_saved()


@pytest.mark.parametrize("member_id", [2 ** 31, 0, -1, "1", [1]])
def test_a_member_id_that_names_no_row_is_refused(kasir_client, kasir_shift, make_product, member_id):
    make_product()
    response = kasir_client.post("/kasir/api/jual", json={**cart(1), "member_id": member_id})
    assert response.status_code == 400 and "Anggota tidak dikenal" in response.get_json()["error"]
    assert nothing_saved()


def test_json_nested_100000_deep_is_refused_not_a_recursion_error(kasir_client, kasir_shift):
    deep = "[" * 100_000 + "]" * 100_000
    response = kasir_client.post("/kasir/api/jual", data=deep, content_type="application/json")
    assert response.status_code == 400
    assert "bersarang" in response.get_json()["error"]
    lopsided = '{"uuid": "' + "[" * 50_000  # an unterminated string full of brackets is not nesting
    response = kasir_client.post("/kasir/api/jual", data=lopsided, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["ok"] is False


@pytest.mark.parametrize("body, words", [
    ('{"uuid": 1e999}', "tak hingga"),
    ('{"uuid": NaN}', "JSON"),
    ('{"uuid": ' + "9" * 5000 + "}", "JSON"),                   # past CPython's int() digit limit
    ('{"uuid": "' + "x" * 2001 + '"}', "2.000 karakter"),
    ('{"uuid": "\\ud800"}', "tidak bisa disimpan"),               # a lone surrogate
    ("\xff\xfe", "UTF-8"),
    ('{"lines": [' + ",".join(["1"] * 2001) + "]}", "2000 isi"),
])
def test_unreadable_json_bodies_are_refused(kasir_client, kasir_shift, body, words):
    data = body.encode("latin-1") if body.startswith("\xff") else body.encode("utf-8")
    response = kasir_client.post("/kasir/api/jual", data=data, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)
    assert words in response.get_json()["error"]


def test_an_amount_beyond_bigint_is_refused(kasir_client, kasir_shift, make_product):
    p = make_product()
    response = kasir_client.post("/kasir/api/jual", json=cart(p.id, amount=2 ** 63))
    assert response.status_code == 400 and "di luar batas" in response.get_json()["error"]
    assert nothing_saved()


def test_the_approval_pin_body_is_read_by_the_same_guard(kasir_client, kasir_shift, make_product):
    p = make_product()
    body = cart(p.id)
    body["lines"][0]["discount"] = "50%"
    body.update(approver="manajer\u0000", pin="222222")
    response = kasir_client.post("/kasir/api/jual", json=body)
    assert response.status_code == 400 and nothing_saved()


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
                         st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
CART_KEYS = st.sampled_from(["uuid", "member", "lines", "payments", "approver", "pin"])
LINE_KEYS = st.sampled_from(["product_id", "qty", "discount", "price"])
PAYMENT_KEYS = st.sampled_from(["method", "amount", "reference"])


@st.composite
def carts(draw):
    """Carts shaped like the screen's, with any JSON value in any field."""
    def obj(keys, valid):
        out = dict(valid)
        for key in draw(st.lists(keys, max_size=3)):
            out[key] = draw(JSON_VALUES)
        return out
    lines = [obj(LINE_KEYS, {"product_id": 1, "qty": 1}) for _ in range(draw(st.integers(1, 3)))]
    payments = [obj(PAYMENT_KEYS, {"method": "cash", "amount": 50_000}) for _ in range(draw(st.integers(1, 2)))]
    return obj(CART_KEYS, {"uuid": str(uuid.uuid4()), "lines": lines, "payments": payments})


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=carts())
def test_any_json_cart_is_answered_never_a_500(kasir_client, kasir_shift, make_product, body):
    if not hasattr(kasir_client, "product"):
        kasir_client.product = make_product(stock=10_000)
    response = kasir_client.post("/kasir/api/jual", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400, 403, 409), (response.status_code, body, response.get_data(True))
    answer = response.get_json()
    assert answer["ok"] is True or answer["error"], answer


@pytest.mark.parametrize("field, value", [("discount", "NaN%"), ("discount", "sNaN%"), ("discount", "Infinity%"),
                                          ("discount", "²"), ("discount", "1e9999%"), ("qty", "²"),
                                          ("price", 2 ** 62), ("discount", "9" * 400)])
def test_odd_numbers_in_a_line_are_refused(kasir_client, kasir_shift, make_product, field, value):
    p = make_product()
    body = cart(p.id)
    body["lines"][0][field] = value
    response = kasir_client.post("/kasir/api/jual", json=body)
    assert response.status_code in (400, 403), response.get_data(as_text=True)
    assert response.get_json()["ok"] is False and nothing_saved()
