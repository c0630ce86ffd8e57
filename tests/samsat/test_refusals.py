"""Refusals: what the counter cannot take, in the stated order, each saying where to go instead."""
from datetime import date

import pytest

from posapp.samsat.refusals import ORDER

from .vehicles import quote

# breaks every rule at once, paid 1 Jan 2026; each step below mends the first broken one
ALL_BROKEN = {"plate": "B 12345", "public_transport": True, "blocked": True, "stnk_valid_until": "2026-01-20",
              "tax_due": "2022-01-10"}
MENDS = [("plate_invalid", {"plate": "B 1234 XY"}), ("plate_not_jatim", {"plate": "L 1234 XY"}),
         ("not_supported", {"public_transport": False}), ("vehicle_blocked", {"blocked": False}),
         ("stnk_renewal_due", {"stnk_valid_until": "2028-01-10"}), ("too_many_years", {"tax_due": "2026-06-10"})]


def test_refusals_are_checked_in_the_stated_order():
    fields = dict(ALL_BROKEN)
    seen = []
    for code, mend in MENDS:
        seen.append(quote("2026-01-01", **fields).refusal.code)
        assert seen[-1] == code
        fields.update(mend)
    # tax due 10 Jun 2026 is more than 90 days after 1 Jan 2026
    seen.append(quote("2026-01-01", **fields).refusal.code)
    assert tuple(seen) == ORDER == ("plate_invalid", "plate_not_jatim", "not_supported", "vehicle_blocked",
                                    "stnk_renewal_due", "too_many_years", "not_due_yet")


@pytest.mark.parametrize("plate", ["L 12345 AB", "1234 AB", "", "LLL 1 A", "L 1234 ABCD", "L 12A4", "L1234AB!"])
def test_plate_that_fails_the_pattern_is_refused_not_an_error(plate):
    bill = quote("2026-03-10", plate=plate)
    assert bill.refusal.code == "plate_invalid"
    assert "STNK" in bill.refusal.message


@pytest.mark.parametrize("plate", ["L 1 A", "M 12", "N 123 B", "P 1234 CD", "S 99 XYZ", "W 7 Q", "AE 1234 XY",
                                   "AG 5678 ZZ"])
def test_every_east_java_region_is_served(plate):
    assert quote("2026-03-10", plate=plate).payable


@pytest.mark.parametrize("plate", ["B 1234 XYZ", "AB 1 A", "DK 123 BB", "LA 1234 A"])
def test_plates_from_outside_east_java_are_refused(plate):
    refusal = quote("2026-03-10", plate=plate).refusal
    assert refusal.code == "plate_not_jatim"
    assert "Samsat daerah asal" in refusal.message


def test_public_transport_is_sent_to_the_samsat_office():
    refusal = quote("2026-03-10", public_transport=True).refusal
    assert (refusal.code, "kantor Samsat" in refusal.message) == ("not_supported", True)


def test_blocked_vehicle_is_sent_to_the_samsat_office():
    refusal = quote("2026-03-10", blocked=True).refusal
    assert (refusal.code, "kantor Samsat" in refusal.message) == ("vehicle_blocked", True)


def test_stnk_renewal_due_within_30_days():
    # paid 10 Mar 2026: STNK valid until 9 Apr 2026 = paid + 30 days → renewal; 10 Apr → fine
    refusal = quote("2026-03-10", stnk_valid_until="2026-04-09").refusal
    assert refusal.code == "stnk_renewal_due" and "kantor Samsat" in refusal.message
    assert quote("2026-03-10", stnk_valid_until="2026-04-10").payable


def test_the_year_due_with_the_stnk_expiry_is_the_renewal_even_when_paid_early():
    # the issue: STNK valid until 29 Jan 2027 = tax due, paid 60 days before (30 Nov 2026). The STNK is
    # not within 30 days, but the one year owed falls due on the STNK's last day: renewal at Samsat
    refusal = quote("2026-11-30", tax_due="2027-01-29", stnk_valid_until="2027-01-29").refusal
    assert refusal.code == "stnk_renewal_due"
    assert "29 Januari 2027" in refusal.message and "kantor Samsat" in refusal.message
    # one day more of STNK: this year is an ordinary one, paid early; the next one is the renewal
    bill = quote("2026-11-30", tax_due="2027-01-29", stnk_valid_until="2027-01-30")
    assert bill.payable and bill.new_tax_due == date(2028, 1, 29)


def test_an_stnk_that_ends_before_the_tax_due_date_is_refused_for_renewal():
    # due 10 Mar 2026, STNK until 9 Mar 2026, paid 1 Jan 2026 (68 days early, STNK 67 days away)
    assert quote("2026-01-01", stnk_valid_until="2026-03-09").refusal.code == "stnk_renewal_due"


def test_renewal_comes_before_not_due_yet():
    # STNK = tax due 10 Jun 2026, paid 1 Jan 2026: more than 90 days early too, but renewal is checked first
    assert quote("2026-01-01", tax_due="2026-06-10", stnk_valid_until="2026-06-10").refusal.code == \
        "stnk_renewal_due"


def test_more_than_two_years_owed_is_paid_at_samsat():
    # due 10 Mar 2024, 2025, 2026 all on or before 10 Mar 2026: three years
    refusal = quote("2026-03-10", tax_due="2024-03-10").refusal
    assert refusal.code == "too_many_years" and "kantor Samsat" in refusal.message
    assert quote("2026-03-09", tax_due="2024-03-10").payable  # two years


def test_not_due_yet_more_than_90_days_early():
    # due 10 Jun 2026: 90 days before is 12 Mar 2026
    refusal = quote("2026-03-11", tax_due="2026-06-10").refusal
    assert refusal.code == "not_due_yet" and "12 Maret 2026" in refusal.message
    assert quote("2026-03-12", tax_due="2026-06-10").payable


def test_refused_bill_carries_no_amounts():
    bill = quote("2026-03-10", blocked=True)
    data = bill.to_json()
    assert (data["payable"], data["years"], data["total"], data["new_tax_due"], data["programmes"]) == \
        (False, [], 0, None, [])
    assert data["refusal"]["code"] == "vehicle_blocked"
    assert (data["plate"], data["plate_display"], data["ruleset"]) == ("L1234AB", "L 1234 AB", "jatim-2025")


def test_payable_bill_has_no_refusal():
    bill = quote("2026-03-10").to_json()
    assert (bill["payable"], bill["refusal"]) == (True, None)
