"""PKB and opsen: NJKB × bobot × rate by ownership order (a typed PKB pokok: test_pkb_pokok)."""
import pytest

from .vehicles import only_year, quote


# jatim-2025 (due 10 Mar 2026, paid on the due date; 2026 has no relief): NJKB 20.000.000 × 1.000 × rate;
# opsen 66 % of the rounded PKB
@pytest.mark.parametrize("order, pkb, opsen", [
    (1, 240_000, 158_400),  # 20.000.000 × 1.2 % = 240.000; × 66 % = 158.400
    (2, 340_000, 224_400),  # × 1.7 % = 340.000; × 66 % = 224.400
    (3, 440_000, 290_400),  # × 2.2 % = 440.000; × 66 % = 290.400
    (4, 540_000, 356_400),  # × 2.7 % = 540.000; × 66 % = 356.400
    (5, 640_000, 422_400),  # × 3.2 % = 640.000; × 66 % = 422.400
    (7, 640_000, 422_400),  # 5+ : still 3.2 %
])
def test_jatim_2025_rate_by_ownership_order(order, pkb, opsen):
    bill = quote("2026-03-10", ownership_order=order)
    year = only_year(bill)
    assert (year.ruleset, year.pkb, year.opsen_pkb, year.denda_pkb, year.denda_opsen_pkb) == \
        ("jatim-2025", pkb, opsen, 0, 0)
    # + SWDKLLJ 35.000 for a 125 cc motorcycle, no denda
    assert bill.total == pkb + opsen + 35_000


# jatim-2010 (due 10 Mar 2024, paid on the due date): NJKB 20.000.000 × 1.000 × rate; no opsen
@pytest.mark.parametrize("order, pkb", [
    (1, 300_000),  # × 1.5 %
    (2, 400_000),  # × 2.0 %
    (3, 500_000),  # × 2.5 %
    (4, 600_000),  # × 3.0 %
    (5, 700_000),  # × 3.5 %
    (9, 700_000),  # 5+ : still 3.5 %
])
def test_jatim_2010_rate_by_ownership_order(order, pkb):
    year = only_year(quote("2024-03-10", ownership_order=order, tax_due="2024-03-10", stnk_valid_until="2027-03-10"))
    assert (year.ruleset, year.pkb, year.opsen_pkb) == ("jatim-2010", pkb, 0)


# NJKB 200.000.000 × bobot × 1.2 % (jatim-2025, first ownership)
@pytest.mark.parametrize("vehicle_class, pkb", [
    ("motor", 2_400_000),         # × 1.000 = 200.000.000 → 2.400.000
    ("roda_tiga", 2_400_000),     # × 1.000
    ("sedan", 2_460_000),         # × 1.025 = 205.000.000 → 2.460.000
    ("jeep_minibus", 2_520_000),  # × 1.050 = 210.000.000 → 2.520.000
    ("pickup", 2_604_000),        # × 1.085 = 217.000.000 → 2.604.000
    ("microbus", 2_604_000),      # × 1.085
    ("bus", 2_640_000),           # × 1.100 = 220.000.000 → 2.640.000
    ("truk_ringan", 3_120_000),   # × 1.300 = 260.000.000 → 3.120.000
    ("truk", 3_360_000),          # × 1.400 = 280.000.000 → 3.360.000
])
def test_bobot_per_vehicle_class(vehicle_class, pkb):
    year = only_year(quote("2026-03-10", vehicle_class=vehicle_class, njkb=200_000_000, cc=1500))
    assert year.pkb == pkb
    assert year.opsen_pkb == pkb * 66 // 100  # exact here: every PKB above is a multiple of 100


def test_bobot_applies_in_jatim_2010_too():
    # 200.000.000 × 1.400 = 280.000.000 × 1.5 % = 4.200.000
    year = only_year(quote("2024-03-10", vehicle_class="truk", njkb=200_000_000, cc=6000, tax_due="2024-03-10",
                           stnk_valid_until="2027-03-10"))
    assert year.pkb == 4_200_000


def test_pkb_is_rounded_half_up_before_opsen_is_taken_on_it():
    # 12.345.678 × 1.025 = 12.654.319,95 × 1.2 % = 151.851,8394 → 151.852
    year = only_year(quote("2026-03-10", vehicle_class="sedan", njkb=12_345_678, cc=1500))
    assert year.pkb == 151_852
    # 1.000.050 × 1.2 % = 12.000,6 → 12.001; opsen 66 % of 12.001 = 7.920,66 → 7.921
    # (66 % of the unrounded 12.000,6 would be 7.920,396 → 7.920)
    year = only_year(quote("2026-03-10", njkb=1_000_050))
    assert (year.pkb, year.opsen_pkb) == (12_001, 7_921)


def test_rules_forces_one_rule_set_for_every_year():
    # due 2026 priced by jatim-2010: 20.000.000 × 1.5 % = 300.000, no opsen
    bill = quote("2026-03-10", rules="jatim-2010")
    assert (bill.ruleset, only_year(bill).ruleset, bill.pkb, bill.opsen_pkb) == ("jatim-2010", "jatim-2010",
                                                                                 300_000, 0)
    # due 2024 priced by jatim-2025: 20.000.000 × 1.2 % = 240.000, opsen 158.400
    bill = quote("2024-03-10", rules="jatim-2025", tax_due="2024-03-10", stnk_valid_until="2027-03-10")
    assert (bill.ruleset, bill.pkb, bill.opsen_pkb) == ("jatim-2025", 240_000, 158_400)
