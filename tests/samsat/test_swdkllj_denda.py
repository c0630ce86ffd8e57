"""SWDKLLJ by class and cc (PMK 15/2017), denda SW progressive in every rule set (PMK 16/2017), denda PKB."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from posapp.samsat.rulebook import VEHICLE_CLASSES, default_book

from .vehicles import only_year, quote

# a year of each rule set, paid on its due date unless told otherwise (STNK valid long after)
DUE = {"jatim-2010": date(2024, 3, 10), "jatim-2025": date(2026, 3, 10)}


def year_of(ruleset, days_late=0, **fields):
    """The one year due on DUE[ruleset], paid `days_late` days after it."""
    due = DUE[ruleset]
    year = quote(due + timedelta(days=days_late), tax_due=due.isoformat(), stnk_valid_until="2029-03-10",
                 **fields).years[0]
    assert (year.due, year.ruleset) == (due, ruleset)
    return year


# samsat.md, SWDKLLJ per year (card fee Rp 3.000 included)
@pytest.mark.parametrize("vehicle_class, cc, amount", [
    ("motor", 50, 3_000), ("motor", 51, 35_000), ("motor", 250, 35_000), ("motor", 251, 83_000),
    ("roda_tiga", 200, 35_000), ("roda_tiga", 3_000, 35_000),
    ("sedan", 1_500, 143_000), ("sedan", 3_000, 143_000),
    ("jeep_minibus", 2_000, 143_000), ("jeep_minibus", 3_500, 143_000),
    ("pickup", 2_400, 143_000), ("pickup", 2_401, 163_000), ("pickup", 2_500, 163_000),
    ("truk_ringan", 2_400, 143_000), ("truk_ringan", 2_401, 163_000), ("truk_ringan", 4_000, 163_000),
    ("microbus", 2_500, 153_000), ("bus", 7_000, 153_000),
    ("truk", 2_000, 163_000), ("truk", 8_000, 163_000),
])
@pytest.mark.parametrize("ruleset", ["jatim-2010", "jatim-2025"])
def test_swdkllj_by_class_and_cc_includes_card_fee(ruleset, vehicle_class, cc, amount):
    assert year_of(ruleset, vehicle_class=vehicle_class, cc=cc).swdkllj == amount


# motorcycle 125 cc: SW 35.000, SW pokok = 35.000 − 3.000 = 32.000
@pytest.mark.parametrize("days, denda_sw", [
    (0, 0),          # on the due date: not late
    (1, 8_000),      # 1–90 days: 25 % × 32.000
    (21, 8_000),     # the motorcycle 21 days late (was a flat 32.000 before 2025)
    (90, 8_000),
    (91, 16_000),    # 91–180: 50 %
    (180, 16_000),
    (181, 24_000),   # 181–270: 75 %
    (270, 24_000),
    (271, 32_000),   # > 270: 100 %
    (360, 32_000),
])
@pytest.mark.parametrize("ruleset", ["jatim-2010", "jatim-2025"])
def test_denda_sw_is_progressive_by_days_late_in_every_rule_set(ruleset, days, denda_sw):
    year = year_of(ruleset, days)
    assert (year.days_late, year.denda_swdkllj) == (days, denda_sw)


def test_a_motorcycle_21_days_late_before_2025_pays_denda_sw_8000():
    # due 10 Mar 2024 (jatim-2010), paid 31 Mar: 21 days, 1 month late
    year = only_year(quote("2024-03-31", tax_due="2024-03-10", stnk_valid_until="2027-03-10"))
    # PKB 20.000.000 × 1.5 % = 300.000; denda PKB 300.000 × 25 % × 1/12 = 6.250; no opsen
    # SWDKLLJ 35.000; denda SW 32.000 × 25 % = 8.000
    assert (year.ruleset, year.days_late, year.months_late, year.pkb, year.opsen_pkb, year.denda_pkb,
            year.swdkllj, year.denda_swdkllj) == ("jatim-2010", 21, 1, 300_000, 0, 6_250, 35_000, 8_000)


@pytest.mark.parametrize("vehicle_class, days, denda_sw", [
    ("truk", 91, 80_000),     # SW pokok 160.000 × 50 % = 80.000
    ("truk", 181, 100_000),   # × 75 % = 120.000 → at most 100.000
    ("truk", 271, 100_000),   # × 100 % = 160.000 → 100.000
    ("bus", 91, 75_000),      # pokok 150.000 × 50 % = 75.000
    ("bus", 181, 100_000),    # × 75 % = 112.500 → 100.000
    ("sedan", 180, 70_000),   # pokok 140.000 × 50 % = 70.000
    ("sedan", 181, 100_000),  # × 75 % = 105.000 → 100.000
    ("microbus", 270, 100_000),  # pokok 150.000 × 75 % = 112.500 → 100.000
])
@pytest.mark.parametrize("ruleset", ["jatim-2010", "jatim-2025"])
def test_denda_sw_is_at_most_100_000_a_year(ruleset, vehicle_class, days, denda_sw):
    assert year_of(ruleset, days, vehicle_class=vehicle_class, cc=6_000,
                   njkb=300_000_000).denda_swdkllj == denda_sw


@pytest.mark.parametrize("ruleset", ["jatim-2010", "jatim-2025"])
def test_moped_sw_is_the_card_fee_only_so_its_denda_is_0(ruleset):
    year = year_of(ruleset, 300, cc=50)
    assert (year.swdkllj, year.denda_swdkllj) == (3_000, 0)  # SW pokok 3.000 − 3.000 = 0


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(DUE)), st.sampled_from(VEHICLE_CLASSES), st.integers(1, 10_000), st.integers(0, 364))
def test_denda_sw_never_exceeds_100_000_nor_the_sw_pokok_and_grows_with_lateness(ruleset, vehicle_class, cc, days):
    year = year_of(ruleset, days, vehicle_class=vehicle_class, cc=cc)
    pokok = year.swdkllj - 3_000
    assert 0 <= year.denda_swdkllj <= min(100_000, pokok)
    assert year.denda_swdkllj == min(100_000, pokok * {0: 0, 1: 25, 2: 50, 3: 75}.get(-(-days // 90), 100) // 100)


# jatim-2010, due 10 Mar 2024: PKB 300.000 (20.000.000 × 1.5 %); denda = 300.000 × 25 % × months / 12
@pytest.mark.parametrize("paid, months, denda", [
    ("2024-03-10", 0, 0),         # on the due date
    ("2024-03-11", 1, 6_250),     # 300.000 × 25 % × 1/12 = 6.250
    ("2024-08-10", 5, 31_250),    # × 5/12 = 31.250
    ("2024-08-11", 6, 37_500),    # a part month counts: × 6/12 = 37.500
    ("2025-03-09", 12, 75_000),   # × 12/12 = 75.000
])
def test_jatim_2010_denda_pkb_is_25_percent_a_year_per_month(paid, months, denda):
    year = only_year(quote(paid, tax_due="2024-03-10", stnk_valid_until="2027-03-10"))
    assert (year.months_late, year.denda_pkb, year.denda_opsen_pkb) == (months, denda, 0)


def test_jatim_2010_denda_pkb_stops_at_12_months():
    bill = quote("2024-05-20", tax_due="2023-03-10", stnk_valid_until="2027-03-10")
    first, second = bill.years
    # due 10 Mar 2023: 15 months late → min(15, 12) = 12 → 300.000 × 25 % = 75.000; 437 days: SW 100 % = 32.000
    assert (first.months_late, first.days_late, first.denda_pkb, first.denda_swdkllj) == (15, 437, 75_000, 32_000)
    # due 10 Mar 2024: 10 May < 20 May → 3 months → 300.000 × 25 % × 3/12 = 18.750; 71 days: SW 25 % = 8.000
    assert (second.months_late, second.days_late, second.denda_pkb, second.denda_swdkllj) == (3, 71, 18_750, 8_000)
    # PKB 600.000 + denda 75.000 + 18.750 + SW 70.000 + denda SW 32.000 + 8.000
    assert bill.total == 803_750


def test_jatim_2010_denda_rounds_once_half_up_on_the_rounded_pkb():
    # NJKB 6.666.733 × 1.5 % = 100.000,995 → PKB 100.001
    # × 25 % × 6/12 = 12.500,125 → 12.500; × 1/12 = 2.083,354 → 2.083
    facts = {"njkb": 6_666_733, "tax_due": "2024-03-10", "stnk_valid_until": "2027-03-10"}
    assert (only_year(quote("2024-08-11", **facts)).pkb, only_year(quote("2024-08-11", **facts)).denda_pkb) == \
        (100_001, 12_500)
    assert only_year(quote("2024-03-11", **facts)).denda_pkb == 2_083


# jatim-2025, due 10 Mar 2026: PKB 240.000, opsen 158.400; 1 % of each per month late
@pytest.mark.parametrize("days, months, denda_pkb, denda_opsen", [
    (0, 0, 0, 0),
    (1, 1, 2_400, 1_584),
    (90, 3, 7_200, 4_752),      # 8 Jun: 3 %
    (180, 6, 14_400, 9_504),    # 6 Sep: 6 %
    (271, 9, 21_600, 14_256),   # 6 Dec: 9 %
])
def test_jatim_2025_denda_is_1_percent_a_month_on_pkb_and_opsen(days, months, denda_pkb, denda_opsen):
    year = only_year(quote(date(2026, 3, 10) + timedelta(days=days)))
    assert (year.months_late, year.denda_pkb, year.denda_opsen_pkb) == (months, denda_pkb, denda_opsen)


def test_truck_a_whole_bill_late_271_days():
    bill = quote(date(2026, 3, 10) + timedelta(days=271), vehicle_class="truk", cc=6000, njkb=300_000_000)
    # 300.000.000 × 1.400 × 1.2 % = 5.040.000; opsen 3.326.400; 9 months: 453.600 and 299.376;
    # SW 163.000, denda 100 % × 160.000 → 100.000 (cap)
    assert bill.total == 5_040_000 + 3_326_400 + 453_600 + 299_376 + 163_000 + 100_000 == 9_382_376


def test_jatim_2025_denda_rounds_once_half_up_on_the_rounded_components():
    # NJKB 1.004.167 × 1.2 % = 12.050,004 → PKB 12.050; opsen 66 % = 7.953;
    # 1 month: 120,5 → 121 and 79,53 → 80
    year = only_year(quote("2026-03-11", njkb=1_004_167))
    assert (year.pkb, year.opsen_pkb, year.denda_pkb, year.denda_opsen_pkb) == (12_050, 7_953, 121, 80)


def test_denda_pkb_stops_at_24_months_in_jatim_2025():
    # at most two years are owed at the counter, so the regime itself is checked:
    # 240.000 × 1 % × min(30, 24) = 57.600; opsen 158.400 × 24 % = 38.016
    ruleset = default_book().get("jatim-2025")
    assert ruleset.penalty.denda(240_000, 158_400, 30) == (57_600, 38_016)
    assert ruleset.penalty.denda(240_000, 158_400, 24) == (57_600, 38_016)
    assert ruleset.sw_denda.denda(160_000, 900) == 100_000
