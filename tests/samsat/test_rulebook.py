"""Rule sets are data: a new one from the hub is just another document, checked on loading."""
import copy
from datetime import date

import pytest

from posapp.samsat import RulesetError, compute_bill, default_book
from posapp.samsat.rulebook import RuleBook

from .vehicles import only_year, quote, vehicle


def document(name="jatim-2010"):
    return copy.deepcopy(default_book().get(name).document)


def test_a_new_rule_set_document_prices_years_from_its_start_without_code_change():
    new = document("jatim-2025")
    new.update(name="jatim-2027", valid_from="2027-01-01", pkb_rates_percent=["1.0", "1.5"], programmes=[])
    old = document("jatim-2025")
    old["valid_until"] = "2026-12-31"
    book = RuleBook.from_documents([document("jatim-2010"), old, new])
    bill = compute_bill(vehicle(tax_due="2026-12-20", stnk_valid_until="2030-12-20"), None, date(2027, 1, 5),
                        book=book)
    # due 20 Dec 2026 with jatim-2025: 240.000; due 20 Dec 2027 is not owed yet
    assert [(y.ruleset, y.pkb) for y in bill.years] == [("jatim-2025", 240_000)]
    bill = compute_bill(vehicle(tax_due="2027-01-01", stnk_valid_until="2030-01-01", ownership_order=3), None,
                        date(2027, 1, 1), book=book)
    # 20.000.000 × 1.5 % (the last rate serves every higher order) = 300.000; opsen 66 % = 198.000
    assert (bill.ruleset, bill.pkb, bill.opsen_pkb) == ("jatim-2027", 300_000, 198_000)


def test_forcing_a_rule_set_given_as_a_dict():
    doc = document("jatim-2010")
    doc.update(name="uji", pkb_rates_percent=["1"])
    # 20.000.000 × 1 % = 200.000
    assert only_year(quote("2026-03-10", rules=doc)).pkb == 200_000


def test_book_with_documents_adds_stored_rule_sets():
    doc = document()
    doc["name"] = "jatim-2010-salinan"
    book = default_book().with_documents([doc])
    assert book.get("jatim-2010-salinan").pkb_rate(1) == book.get("jatim-2010").pkb_rate(1)


@pytest.mark.parametrize("change, words", [
    ({"pkb_rates_percent": [1.5, 2.0]}, "teks"),                  # floats are refused
    ({"pkb_rates_percent": ["1.5", "0"]}, "lebih dari 0"),
    ({"penalty": {"regime": "sesukanya"}}, "rezim denda"),
    ({"bobot": {"motor": "1"}}, "bobot"),
    ({"valid_from": "2025-02-30"}, "valid_from"),
    ({"programmes": [{"name": "x", "kind": "diskon"}]}, "kind"),
    ({"counter": {"plate_regions": "L"}}, "plate_regions"),
])
def test_malformed_rule_set_documents_are_refused(change, words):
    doc = document()
    doc.update(change)
    with pytest.raises(RulesetError, match=words):
        RuleBook.from_documents([doc])


@pytest.mark.parametrize("swdkllj, words", [
    ({"denda": None}, "swdkllj.denda.tiers"),
    ({"denda": {"tiers": [{"days_max": 180, "percent": "50"}, {"days_max": 90, "percent": "25"},
                          {"days_max": None, "percent": "100"}], "max_per_year": 100000}}, "batas hari naik"),
    ({"denda": {"tiers": [{"days_max": None, "percent": "100"}], "max_per_year": -1}}, "max_per_year"),
    ({"tariffs": {**document()["swdkllj"]["tariffs"], "pickup": [{"cc_max": 2400, "amount": 143000}]}},
     "tanpa batas"),
])
def test_malformed_swdkllj_sections_are_refused(swdkllj, words):
    doc = document()
    doc["swdkllj"].update(swdkllj)
    with pytest.raises(RulesetError, match=words):
        RuleBook.from_documents([doc])


def test_the_sw_denda_bands_and_cap_are_data():
    doc = document("jatim-2025")
    doc["swdkllj"]["denda"] = {"tiers": [{"days_max": None, "percent": "10"}], "max_per_year": 2_000}
    doc.update(name="uji-sw", programmes=[])
    # 300 days late: 10 % × SW pokok 32.000 = 3.200 → at most 2.000
    assert only_year(quote("2027-01-04", rules=doc)).denda_swdkllj == 2_000


def test_a_rule_set_name_is_never_reused_for_different_content():
    doc = document()
    doc["pkb_rates_percent"] = ["9"]
    with pytest.raises(RulesetError, match="versi baru"):
        default_book().with_documents([doc])
    assert default_book().with_documents([document()]).get("jatim-2010")  # the same document again is fine


def test_unknown_rule_set_name():
    with pytest.raises(RulesetError, match="tidak dikenal"):
        quote("2026-03-10", rules="jatim-1999")


def test_a_date_no_rule_set_covers_is_an_error():
    book = RuleBook.from_documents([document("jatim-2025")])
    with pytest.raises(RulesetError, match="Tidak ada aturan tarif"):
        compute_bill(vehicle(tax_due="2024-03-10", stnk_valid_until="2027-03-10"), None, date(2024, 3, 10),
                     book=book)
