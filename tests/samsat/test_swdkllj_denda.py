"""SWDKLLJ by class and cc, and both penalty regimes."""
from datetime import date, timedelta

import pytest

from posapp.samsat.rulebook import default_book

from .vehicles import only_year, quote


@pytest.mark.parametrize("vehicle_class, cc, amount", [
    ("motor", 50, 3_000), ("motor", 51, 35_000), ("motor", 250, 35_000), ("motor", 251, 83_000),
    ("roda_tiga", 200, 35_000), ("sedan", 1500, 143_000), ("jeep_minibus", 2000, 143_000),
    ("pickup", 2500, 143_000), ("microbus", 2500, 153_000), ("bus", 7000, 153_000),
    ("truk_ringan", 4000, 163_000), ("truk", 8000, 163_000),
])
def test_swdkllj_by_class_and_cc_includes_card_fee(vehicle_class, cc, amount):
    assert only_year(quote("2026-03-10", vehicle_class=vehicle_class, cc=cc)).swdkllj == amount
    assert only_year(quote("2024-03-10", vehicle_class=vehicle_class, cc=cc, tax_due="2024-03-10",
                           stnk_valid_until="2027-03-10")).swdkllj == amount


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


def test_jatim_2010_denda_stops_at_12_months_and_sw_denda_is_flat():
    bill = quote("2024-05-20", tax_due="2023-03-10", stnk_valid_until="2027-03-10")
    first, second = bill.years
    # due 10 Mar 2023: 15 months late → min(15, 12) = 12 → 300.000 × 25 % = 75.000
    assert (first.months_late, first.denda_pkb) == (15, 75_000)
    # due 10 Mar 2024: 10 May < 20 May → 3 months → 300.000 × 25 % × 3/12 = 18.750
    assert (second.months_late, second.denda_pkb) == (3, 18_750)
    # SW 35.000, pokok 32.000, denda 100 % = 32.000 however late
    assert [y.denda_swdkllj for y in bill.years] == [32_000, 32_000]
    # 600.000 + 75.000 + 18.750 + 70.000 + 64.000
    assert bill.total == 827_750


def test_jatim_2010_sw_denda_for_other_classes_has_no_cap():
    # sedan SW 143.000 − 3.000 = 140.000 pokok; 100 % = 140.000; motor ≤ 50 cc: pokok 0
    sedan = only_year(quote("2024-03-11", vehicle_class="sedan", cc=1500, tax_due="2024-03-10",
                            stnk_valid_until="2027-03-10"))
    moped = only_year(quote("2024-03-11", cc=50, tax_due="2024-03-10", stnk_valid_until="2027-03-10"))
    assert (sedan.denda_swdkllj, moped.denda_swdkllj) == (140_000, 0)


def test_jatim_2010_denda_rounds_once_half_up():
    # PKB pokok 100.001 × 25 % × 6/12 = 12.500,125 → 12.500; × 1/12 = 2.083,354 → 2.083
    assert only_year(quote("2024-08-11", njkb=None, pkb_pokok=100_001, tax_due="2024-03-10",
                           stnk_valid_until="2027-03-10")).denda_pkb == 12_500
    assert only_year(quote("2024-03-11", njkb=None, pkb_pokok=100_001, tax_due="2024-03-10",
                           stnk_valid_until="2027-03-10")).denda_pkb == 2_083


# jatim-2025, due 10 Mar 2026: PKB 240.000, opsen 158.400; SW pokok 32.000
@pytest.mark.parametrize("days, months, denda_pkb, denda_opsen, denda_sw", [
    (0, 0, 0, 0, 0),
    (1, 1, 2_400, 1_584, 8_000),       # 1 %; SW 25 % × 32.000 = 8.000
    (90, 3, 7_200, 4_752, 8_000),      # 8 Jun: 3 % of 240.000 / 158.400; still 25 %
    (91, 3, 7_200, 4_752, 16_000),     # 50 % × 32.000
    (180, 6, 14_400, 9_504, 16_000),   # 6 Sep: 6 %
    (181, 6, 14_400, 9_504, 24_000),   # 75 %
    (270, 9, 21_600, 14_256, 24_000),  # 5 Dec: 9 %
    (271, 9, 21_600, 14_256, 32_000),  # 100 %
])
def test_jatim_2025_denda_by_month_and_sw_tiers_by_days(days, months, denda_pkb, denda_opsen, denda_sw):
    year = only_year(quote(date(2026, 3, 10) + timedelta(days=days)))
    assert (year.days_late, year.months_late, year.denda_pkb, year.denda_opsen_pkb, year.denda_swdkllj) == \
        (days, months, denda_pkb, denda_opsen, denda_sw)


@pytest.mark.parametrize("vehicle_class, days, denda_sw", [
    ("truk", 271, 100_000),  # 100 % × 160.000 = 160.000 → at most 100.000
    ("bus", 181, 100_000),   # 75 % × 150.000 = 112.500 → 100.000
    ("bus", 91, 75_000),     # 50 % × 150.000 = 75.000, under the cap
])
def test_jatim_2025_sw_denda_is_capped_at_100_000(vehicle_class, days, denda_sw):
    year = only_year(quote(date(2026, 3, 10) + timedelta(days=days), vehicle_class=vehicle_class, cc=6000,
                           njkb=300_000_000))
    assert year.denda_swdkllj == denda_sw


def test_truck_a_whole_bill_late_271_days():
    bill = quote(date(2026, 3, 10) + timedelta(days=271), vehicle_class="truk", cc=6000, njkb=300_000_000)
    # 300.000.000 × 1.400 × 1.2 % = 5.040.000; opsen 3.326.400; 9 months: 453.600 and 299.376;
    # SW 163.000, denda 100.000 (capped); total 9.382.376
    assert bill.total == 5_040_000 + 3_326_400 + 453_600 + 299_376 + 163_000 + 100_000 == 9_382_376


def test_jatim_2025_denda_rounds_once_half_up():
    # PKB pokok 12.050: opsen 7.953; 1 month: 120,5 → 121 and 79,53 → 80
    year = only_year(quote("2026-03-11", njkb=None, pkb_pokok=12_050))
    assert (year.opsen_pkb, year.denda_pkb, year.denda_opsen_pkb) == (7_953, 121, 80)


def test_jatim_2025_denda_stops_at_24_months():
    # two years owed at most at the counter keep months ≤ 24, so the regime itself is checked:
    # 240.000 × 1 % × min(30, 24) = 57.600; opsen 158.400 × 24 % = 38.016; SW > 270 days: 100.000 cap
    penalty = default_book().get("jatim-2025").penalty
    assert penalty.denda(240_000, 158_400, 160_000, 30, 900) == (57_600, 38_016, 100_000)
    assert penalty.denda(240_000, 158_400, 32_000, 24, 730) == (57_600, 38_016, 32_000)
