"""A typed PKB pokok: the base is recovered with the rate of its `pkb_regime`, then priced like an NJKB bill."""
from datetime import date

import pytest

from .vehicles import only_year, quote

TANPA = "tanpa-kenaikan-2025"
AGUSTUS = "pemutihan-agustus-2025"
HUT = "pemutihan-hut-jatim-2025"


def typed(amount, regime, **fields):
    """The facts of an STNK whose PKB pokok the kasir typed (no NJKB)."""
    return {"njkb": None, "pkb_pokok": amount, "pkb_regime": regime, **fields}


def test_the_issue_example_two_years_from_an_old_regime_stnk():
    # PKB pokok 202.500 printed under jatim-2010 (no opsen line), motorcycle 125 cc, first ownership:
    # base = 202.500 ÷ 1.5 % = 13.500.000. Tax due 10 Mar 2024, paid 20 Mar 2025 (tanpa-kenaikan open).
    bill = quote("2025-03-20", **typed(202_500, "jatim-2010", tax_due="2024-03-10", stnk_valid_until="2027-03-10"))
    old, new = bill.years
    # due 10 Mar 2024, jatim-2010: PKB 13.500.000 × 1.5 % = 202.500; 13 months late → 12:
    # denda 202.500 × 25 % = 50.625; 375 days: denda SW 100 % × 32.000
    assert (old.ruleset, old.months_late, old.days_late, old.pkb, old.opsen_pkb, old.denda_pkb, old.swdkllj,
            old.denda_swdkllj) == ("jatim-2010", 13, 375, 202_500, 0, 50_625, 35_000, 32_000)
    # due 10 Mar 2025, jatim-2025: 13.500.000 × 1.2 % = 162.000 + opsen 106.920 = 268.920 > old 202.500
    # → PKB 202.500 ÷ 1.66 = 121.987,95 → 121.988, opsen 80.512; 1 month: 1.219,88 → 1.220 and 805,12 → 805;
    # 10 days: denda SW 25 % × 32.000 = 8.000
    assert (new.ruleset, new.months_late, new.days_late, new.pkb, new.opsen_pkb, new.denda_pkb,
            new.denda_opsen_pkb, new.denda_swdkllj) == ("jatim-2025", 1, 10, 121_988, 80_512, 1_220, 805, 8_000)
    # 320.125 + 246.525 (before: 702.637, with 66 % opsen on top of the old-regime principal)
    assert bill.total == 567_650
    assert (bill.programmes, bill.new_tax_due) == ((TANPA,), date(2026, 3, 10))


@pytest.mark.parametrize("order, printed, pkb, opsen", [
    (1, 300_000, 240_000, 158_400),  # ÷ 1.5 % = 20.000.000 × 1.2 % = 240.000; opsen 66 % = 158.400
    (2, 400_000, 340_000, 224_400),  # ÷ 2.0 % = 20.000.000 × 1.7 %
    (3, 500_000, 440_000, 290_400),  # ÷ 2.5 % × 2.2 %
    (4, 600_000, 540_000, 356_400),  # ÷ 3.0 % × 2.7 %
    (6, 700_000, 640_000, 422_400),  # 5+: ÷ 3.5 % × 3.2 %
])
def test_an_old_regime_pokok_is_priced_at_the_new_rate_of_the_same_order(order, printed, pkb, opsen):
    # due 10 Mar 2026 (jatim-2025, no relief in 2026), paid on the due date
    year = only_year(quote("2026-03-10", **typed(printed, "jatim-2010", ownership_order=order)))
    assert (year.ruleset, year.pkb, year.opsen_pkb) == ("jatim-2025", pkb, opsen)


def test_a_new_regime_pokok_in_its_own_rule_set_is_the_printed_pkb():
    # 1.234.567 ÷ 2.7 % (4th ownership) × 2.7 % = 1.234.567 again; opsen 66 % = 814.814,22 → 814.814
    year = only_year(quote("2026-03-10", **typed(1_234_567, "jatim-2025", ownership_order=4)))
    assert (year.pkb, year.opsen_pkb) == (1_234_567, 814_814)


def test_a_new_regime_pokok_prices_an_old_year_at_the_old_rate():
    # 240.000 ÷ 1.2 % = 20.000.000; paid 10 Jan 2026 (no relief): due 20 Dec 2024 (jatim-2010) and 2025
    bill = quote("2026-01-10", **typed(240_000, "jatim-2025", tax_due="2024-12-20", stnk_valid_until="2028-12-20"))
    # 20.000.000 × 1.5 % = 300.000 (no opsen); 20.000.000 × 1.2 % = 240.000 + opsen 158.400
    assert [(y.ruleset, y.pkb, y.opsen_pkb) for y in bill.years] == [("jatim-2010", 300_000, 0),
                                                                      ("jatim-2025", 240_000, 158_400)]
    # the same bill as NJKB 20.000.000 (test_years): 887.384
    assert bill.total == 887_384


def test_the_recovered_base_is_not_rounded():
    # 100.006 ÷ 1.2 % = 8.333.833,33… (28 digits, not rounded); priced by jatim-2010: × 1.5 % = 125.007,5 → 125.008
    # (a base rounded to 8.333.833 would give 125.007,495 → 125.007)
    year = only_year(quote("2026-03-10", rules="jatim-2010", **typed(100_006, "jatim-2025")))
    assert (year.pkb, year.opsen_pkb) == (125_008, 0)


def test_tanpa_kenaikan_caps_a_typed_pokok_at_the_old_pkb():
    # printed under jatim-2010 at 2nd ownership: 400.000 ÷ 2.0 % = 20.000.000; due 10 Mar 2025, paid on the due date
    bill = quote("2025-03-10", **typed(400_000, "jatim-2010", ownership_order=2, tax_due="2025-03-10",
                                       stnk_valid_until="2028-03-10"))
    year = only_year(bill)
    # 20.000.000 × 1.7 % = 340.000 + 224.400 = 564.400 > old 20.000.000 × 2.0 % = 400.000
    # → PKB 400.000 ÷ 1.66 = 240.963,86 → 240.964, opsen 159.036
    assert (year.pkb, year.opsen_pkb, bill.programmes) == (240_964, 159_036, (TANPA,))


def test_pemutihan_gives_a_typed_pokok_the_first_ownership_rate_and_waives_denda_pkb():
    # 3rd ownership under jatim-2010: 500.000 ÷ 2.5 % = 20.000.000. Due 1 Jun 2025 (jatim-2025), paid 15 Oct 2025
    # (pemutihan HUT and tanpa-kenaikan open): first-ownership rate 1.2 % → 240.000 + 158.400 = 398.400
    # > old at the FIRST order 1.5 % = 300.000 → PKB 180.723, opsen 119.277
    bill = quote("2025-10-15", **typed(500_000, "jatim-2010", ownership_order=3, tax_due="2025-06-01",
                                       stnk_valid_until="2028-06-01"))
    year = only_year(bill)
    # 136 days late: denda PKB/opsen waived; denda SW 50 % × 32.000 = 16.000 stays
    assert (year.days_late, year.pkb, year.opsen_pkb, year.denda_pkb, year.denda_opsen_pkb,
            year.denda_swdkllj) == (136, 180_723, 119_277, 0, 0, 16_000)
    assert bill.programmes == (HUT, TANPA)
    assert bill.total == 300_000 + 35_000 + 16_000


def test_pemutihan_on_an_old_year_of_a_typed_pokok():
    # 4th ownership under jatim-2010: 600.000 ÷ 3.0 % = 20.000.000; due 1 Sep 2024 (jatim-2010), paid 1 Aug 2025:
    # first-ownership 1.5 % → 300.000; 11 months: denda PKB waived; 334 days: denda SW 100 % = 32.000
    bill = quote("2025-08-01", **typed(600_000, "jatim-2010", ownership_order=4, tax_due="2024-09-01",
                                       stnk_valid_until="2028-09-01"))
    year = only_year(bill)
    assert (year.ruleset, year.pkb, year.denda_pkb, year.denda_swdkllj) == ("jatim-2010", 300_000, 0, 32_000)
    assert (bill.programmes, bill.total) == ((AGUSTUS,), 367_000)
