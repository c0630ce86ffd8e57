"""Properties of the engine over many generated vehicles and payment dates."""
import re
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from posapp.samsat import compute_bill, default_book, display_plate, normalise_plate
from posapp.samsat.dates import add_months, add_years
from posapp.samsat.rulebook import VEHICLE_CLASSES

FAST = settings(max_examples=200, deadline=None)
SUMS = ("pkb", "opsen_pkb", "denda_pkb", "denda_opsen_pkb", "swdkllj", "denda_swdkllj")
JATIM = ["L", "M", "N", "P", "S", "W", "AE", "AG"]

letters = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=0, max_size=3)
jatim_plates = st.builds(lambda region, number, suffix, sep: f"{region}{sep}{number}{sep}{suffix}".lower(),
                         st.sampled_from(JATIM), st.integers(1, 9999), letters, st.sampled_from(["", " ", "-"]))
any_plates = st.one_of(jatim_plates, st.text(max_size=12),
                       st.builds(lambda r, n, s: f"{r} {n} {s}", letters, st.integers(0, 99999), letters))
days = st.dates(date(2020, 1, 1), date(2031, 12, 31))


@st.composite
def vehicles(draw, plates=jatim_plates, flags=st.just(False)):
    tax_due = draw(days)
    facts = {"plate": draw(plates), "vehicle_class": draw(st.sampled_from(VEHICLE_CLASSES)),
             "cc": draw(st.integers(1, 10_000)), "ownership_order": draw(st.integers(1, 9)),
             "tax_due": tax_due.isoformat(),
             "stnk_valid_until": (tax_due + timedelta(days=draw(st.integers(-400, 5 * 365)))).isoformat(),
             "blocked": draw(flags), "public_transport": draw(flags)}
    key = draw(st.sampled_from(["njkb", "pkb_pokok"]))
    facts[key] = draw(st.integers(1, 10_000_000_000))
    if key == "pkb_pokok":
        facts["pkb_regime"] = draw(st.sampled_from(["jatim-2010", "jatim-2025"]))
    return facts


@FAST
@given(vehicles(), days)
def test_totals_are_sums_of_components_and_nothing_is_negative(facts, paid_on):
    bill = compute_bill(facts, None, paid_on).to_json()
    for name in SUMS:
        assert bill[name] == sum(year[name] for year in bill["years"])
    assert bill["total"] == sum(bill[name] for name in SUMS)
    numbers = [bill["total"], *(bill[n] for n in SUMS), *(y[k] for y in bill["years"] for k in y if k not in
                                                          ("due", "ruleset"))]
    assert all(isinstance(n, int) and n >= 0 for n in numbers)
    # denda SW: a share of SW pokok (SWDKLLJ − the 3.000 card fee), at most 100.000 a year
    assert all(y["denda_swdkllj"] <= min(100_000, y["swdkllj"] - 3_000) for y in bill["years"])
    if bill["payable"]:
        assert bill["years"] and bill["new_tax_due"] > bill["years"][-1]["due"]


@FAST
@given(vehicles(), days)
def test_months_late_is_the_smallest_whole_number_of_months(facts, paid_on):
    for year in compute_bill(facts, "jatim-2025", paid_on).years:
        m = year.months_late
        assert add_months(year.due, m) >= paid_on
        assert m == 0 or add_months(year.due, m - 1) < paid_on
        assert year.days_late == max(0, (paid_on - year.due).days)


def outside_reliefs(day):
    return not default_book().programmes_on(day)


@FAST
@given(vehicles(), st.integers(-90, 700), st.integers(1, 400))
def test_paying_later_never_costs_less_outside_relief_windows(facts, offset, delay):
    tax_due = date.fromisoformat(facts["tax_due"])
    facts["stnk_valid_until"] = add_years(tax_due, 5).isoformat()
    first = tax_due + timedelta(days=offset)
    later = first + timedelta(days=delay)
    assume(later < add_years(tax_due, 2) and outside_reliefs(first) and outside_reliefs(later))
    sooner_bill, later_bill = compute_bill(facts, None, first), compute_bill(facts, None, later)
    assert sooner_bill.payable and later_bill.payable
    assert later_bill.total >= sooner_bill.total


@FAST
@given(vehicles(), days, st.integers(1, 5_000), st.sampled_from(["jatim-2010", "jatim-2025"]))
def test_a_typed_pkb_pokok_is_priced_exactly_as_the_njkb_it_was_printed_from(facts, paid_on, k, regime):
    # NJKB a multiple of 200.000: NJKB × bobot × every rate is a whole rupiah, so the PKB pokok on the
    # STNK is exact and the base recovered from it is NJKB × bobot again
    facts.pop("pkb_pokok", None), facts.pop("pkb_regime", None)
    facts["njkb"] = k * 200_000
    ruleset = default_book().get(regime)
    printed = facts["njkb"] * ruleset.bobot[facts["vehicle_class"]] * ruleset.pkb_rate(facts["ownership_order"]) / 100
    assert printed == int(printed)
    typed = {**facts, "njkb": None, "pkb_pokok": int(printed), "pkb_regime": regime}
    assert compute_bill(typed, None, paid_on).to_json() == compute_bill(facts, None, paid_on).to_json()


@FAST
@given(st.one_of(any_plates, st.text()))
def test_normalising_a_plate_twice_changes_nothing(typed):
    once = normalise_plate(typed)
    assert normalise_plate(once) == once
    assert display_plate(once) == display_plate(typed)
    assert normalise_plate(display_plate(typed)) == once


def expected_refusal(facts, paid_on):
    """An independent reading of the refusal list of samsat.md, in its order."""
    plate = re.sub(r"[\s.\-]", "", facts["plate"].upper())
    match = re.fullmatch(r"([A-Z]{1,2})[0-9]{1,4}[A-Z]{0,3}", plate)
    tax_due, stnk = date.fromisoformat(facts["tax_due"]), date.fromisoformat(facts["stnk_valid_until"])
    owed = [add_years(tax_due, k) for k in range(40) if add_years(tax_due, k) <= paid_on] or [tax_due]
    checks = [("plate_invalid", not match), ("plate_not_jatim", match and match.group(1) not in JATIM),
              ("not_supported", facts["public_transport"]), ("vehicle_blocked", facts["blocked"]),
              ("stnk_renewal_due", stnk <= paid_on + timedelta(days=30) or any(due >= stnk for due in owed)),
              ("too_many_years", len(owed) > 2), ("not_due_yet", (tax_due - paid_on).days > 90)]
    return next((code for code, applies in checks if applies), None)


@FAST
@given(vehicles(plates=any_plates, flags=st.booleans()), days)
def test_refusals_come_in_the_stated_order(facts, paid_on):
    bill = compute_bill(facts, None, paid_on)
    code = bill.refusal.code if bill.refusal else None
    assert code == expected_refusal(facts, paid_on)
    assert bill.payable is (code is None)
