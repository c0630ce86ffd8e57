"""A refusal speaks the language of the request that met it; without a request (CLI, sync job) it is Indonesian."""
import pytest

from posapp.extensions import db
from posapp.till import cashbook
from posapp.till.cash_models import CashRefused

DOC = "4c0e1f6e-9a53-4d1b-8f55-0c2f1d3e6a70"


@pytest.fixture
def shift_open(kasir_client):
    assert kasir_client.post("/shift/buka", data={"opening_cash": "100000"}).status_code == 302
    return kasir_client


def test_a_refused_form_answers_in_english_with_its_values(shift_open):
    shift_open.get("/?lang=en")
    page = shift_open.post("/kas-keluar-masuk", data={"doc_uuid": DOC, "kind": "expense", "category": "",
                                                      "amount": "12.500", "note": "sabun"}).get_data(as_text=True)
    assert "Choose an expense category." in page and "Pilih kategori beban" not in page
    page = shift_open.post("/kas-keluar-masuk", data={"doc_uuid": DOC, "kind": "expense", "category": "atk",
                                                      "amount": "abc", "note": "x"}).get_data(as_text=True)
    assert "Invalid amount of money" in page and "Jumlah uang tidak valid" not in page


def test_the_same_refusal_in_indonesian(shift_open):
    page = shift_open.post("/kas-keluar-masuk", data={"doc_uuid": DOC, "kind": "expense", "category": "",
                                                      "amount": "12.500", "note": "sabun"}).get_data(as_text=True)
    assert "Pilih kategori beban." in page


def test_a_flash_with_a_value_in_english(shift_open):
    shift_open.get("/?lang=en")
    form = {"doc_uuid": DOC, "kind": "expense", "category": "atk",
            "amount": "12.500", "note": "spidol"}
    page = shift_open.post("/kas-keluar-masuk", data=form, follow_redirects=True).get_data(as_text=True)
    assert "KK-" in page and " recorded." in page and "dicatat" not in page


def test_outside_a_request_the_service_refuses_in_indonesian(users):
    with pytest.raises(CashRefused) as refused:
        cashbook.record(users["kasir"], "expense", 12_500, category="", note="sabun")
    assert refused.value.message == "Pilih kategori beban."
    db.session.rollback()
