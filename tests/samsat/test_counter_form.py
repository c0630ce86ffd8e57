"""The counter's forms: the opsen question for a typed PKB pokok, and every typed fact kept after a refusal."""
import html
import re

import pytest

from posapp.extensions import db
from posapp.samsat.models import SamsatPayment
from tests.samsat.conftest import BILL_TOTAL, STNK, bill_uuid

QUESTION = "Apakah STNK memuat baris opsen PKB?"


def value_of(page: str, name: str) -> str:
    """The value an <input name=…> shows (unescaped)."""
    match = re.search(rf'<input id="f-{name}" name="{name}" type="[a-z]+" value="([^"]*)"', page)
    assert match, f"no input {name}"
    return html.unescape(match.group(1))


def checked(page: str, name: str) -> list[str]:
    """The values of the ticked radios/checkboxes called `name`."""
    tags = re.findall(rf'<input type="(?:radio|checkbox)" name="{name}"[^>]*>', page)
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in tags if " checked" in tag]


def pokok(**fields):
    """The STNK of tests/samsat with its PKB pokok typed instead of the NJKB."""
    return {"njkb": "", **fields}


def test_the_counter_asks_about_the_opsen_line_in_plain_words(counter_shift, kasir_client):
    page = kasir_client.get("/samsat").get_data(as_text=True)
    assert QUESTION in page and "Ya, ada baris opsen PKB" in page and "Tidak ada baris opsen" in page


@pytest.mark.parametrize("typed, answer", [("180.000", "jatim-2025"),    # 1,2 % of NJKB 15 jt, opsen line printed
                                           ("225.000", "jatim-2010")])   # 1,5 % of NJKB 15 jt, no opsen line
def test_a_typed_pkb_pokok_is_priced_with_the_regime_the_kasir_named(counter_shift, show_bill, pay, typed,
                                                                        answer):
    # either STNK of the NJKB-15-juta motorcycle recovers the same base: the same bill as with the NJKB
    response = show_bill(**pokok(pkb_pokok=typed, pkb_regime=answer))
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert f'id="bill-tax">Rp {BILL_TOTAL:,}<'.replace(",", ".") in page
    assert pay(bill_uuid(response)).status_code == 302
    payment = db.session.scalar(db.select(SamsatPayment))
    assert payment.vehicle["pkb_regime"] == answer and payment.vehicle["njkb"] is None


def test_without_an_answer_a_pkb_pokok_gets_the_question_next_to_the_field(counter_shift, show_bill):
    response = show_bill(**pokok(pkb_pokok="180.000"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="pay-form"' not in page
    error = re.search(r'<small class="error" id="e-pkb_regime">([^<]*)</small>', page)
    assert error and "baris opsen PKB" in error.group(1)
    assert value_of(page, "pkb_pokok") == "180.000"


def test_with_an_njkb_the_answer_is_not_used(counter_shift, show_bill, pay):
    response = show_bill(pkb_regime="jatim-2010")  # ticked by mistake while the NJKB is typed
    assert response.status_code == 200 and f"Rp {BILL_TOTAL:,}".replace(",", ".") in response.get_data(as_text=True)
    pay(bill_uuid(response))
    assert db.session.scalar(db.select(SamsatPayment)).vehicle["pkb_regime"] is None


def test_a_refused_quote_keeps_everything_typed(counter_shift, show_bill):
    typed = pokok(pkb_pokok="180.000", pkb_regime="jatim-2025", cc="seratus", public_transport="1")
    page = show_bill(**typed).get_data(as_text=True)
    assert "bilangan bulat" in page
    for name in ("plate", "owner_name", "brand", "cc", "pkb_pokok", "tax_due", "stnk_valid_until", "chassis_no"):
        assert value_of(page, name) == {**STNK, **typed}[name], name
    assert checked(page, "pkb_regime") == ["jatim-2025"] and checked(page, "public_transport") == ["1"]
    assert 'value="motor" selected' in page


def test_a_refused_payment_keeps_the_stnk_facts_and_the_payment_form(counter_shift, show_bill, pay):
    typed = pokok(pkb_pokok="180.000", pkb_regime="jatim-2025", brand="Honda Beat Street 110")
    uuid = bill_uuid(show_bill(**typed))
    response = pay(uuid, chassis_check="00000", method="noncash", reference="QRIS-42", tendered="350.000")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "tidak cocok" in page
    for name in ("plate", "owner_name", "brand", "pkb_pokok", "tax_due", "stnk_valid_until", "chassis_no"):
        assert value_of(page, name) == {**STNK, **typed}[name], name  # the brand in full, the whole chassis no.
    assert checked(page, "pkb_regime") == ["jatim-2025"] and 'value="motor" selected' in page
    assert value_of(page, "chassis_check") == "00000" and value_of(page, "reference") == "QRIS-42"
    assert value_of(page, "tendered") == "350.000" and checked(page, "method") == ["noncash"]
    assert checked(page, "ktp_checked") == ["1"]
    assert db.session.scalar(db.select(db.func.count(SamsatPayment.id))) == 0
    # and the same bill can still be paid from that page
    assert pay(uuid).status_code == 302
