"""Years owed across the rule-set boundary, early payment, due date, month end and leap day."""
from datetime import date

from .vehicles import only_year, quote


def test_two_years_across_the_2025_boundary_are_priced_one_by_each_rule_set():
    # paid 10 Jan 2026 (no relief open); due 20 Dec 2024 (jatim-2010) and 20 Dec 2025 (jatim-2025)
    bill = quote("2026-01-10", tax_due="2024-12-20", stnk_valid_until="2028-12-20")
    old, new = bill.years
    # 2010: 20.000.000 × 1.5 % = 300.000; 13 months late → 12 → × 25 % = 75.000;
    # SW 35.000 + denda 386 days late (> 270) → 100 % × 32.000 = 32.000
    assert (old.due, old.ruleset, old.months_late, old.pkb, old.opsen_pkb, old.denda_pkb, old.denda_swdkllj) == \
        (date(2024, 12, 20), "jatim-2010", 13, 300_000, 0, 75_000, 32_000)
    # 2025: 240.000 + opsen 158.400; 1 month: 2.400 and 1.584; 21 days: SW denda 25 % × 32.000 = 8.000
    assert (new.due, new.ruleset, new.months_late, new.days_late, new.pkb, new.opsen_pkb, new.denda_pkb,
            new.denda_opsen_pkb, new.denda_swdkllj) == \
        (date(2025, 12, 20), "jatim-2025", 1, 21, 240_000, 158_400, 2_400, 1_584, 8_000)
    assert (bill.pkb, bill.opsen_pkb, bill.denda_pkb, bill.denda_opsen_pkb, bill.swdkllj, bill.denda_swdkllj) == \
        (540_000, 158_400, 77_400, 1_584, 70_000, 40_000)
    # 540.000 + 158.400 + 77.400 + 1.584 + 70.000 + 40.000
    assert bill.total == 887_384
    assert bill.ruleset == "jatim-2025"  # the rule set of the latest year owed
    assert bill.new_tax_due == date(2026, 12, 20)
    assert bill.programmes == ()


def test_the_rule_set_changes_on_5_january_2025():
    assert only_year(quote("2025-01-04", tax_due="2025-01-04", stnk_valid_until="2028-01-04")).ruleset == \
        "jatim-2010"
    assert only_year(quote("2025-01-05", tax_due="2025-01-05", stnk_valid_until="2028-01-05")).ruleset == \
        "jatim-2025"


def test_paying_early_owes_the_one_year_at_tax_due_without_denda():
    bill = quote("2026-01-01")  # 68 days before 10 Mar 2026
    year = only_year(bill)
    assert (year.due, year.months_late, year.days_late, year.denda_pkb, year.denda_swdkllj) == \
        (date(2026, 3, 10), 0, 0, 0, 0)
    assert bill.payable and bill.new_tax_due == date(2027, 3, 10)
    assert bill.total == 240_000 + 158_400 + 35_000


def test_paying_on_the_due_date_is_not_late_and_the_day_after_is():
    on_time, late = quote("2026-03-10"), quote("2026-03-11")
    assert on_time.total == 433_400  # 240.000 + 158.400 + 35.000
    # one day late = one month: 2.400 + 1.584 + SW 25 % × 32.000 = 8.000
    assert late.total == 433_400 + 2_400 + 1_584 + 8_000


def test_month_end_due_date_counts_months_to_the_last_day():
    # due 31 Jan 2026: 31 Jan + 1 month = 28 Feb, so paying on 28 Feb is 1 month (2.400), on 1 Mar 2 (4.800)
    assert only_year(quote("2026-02-28", tax_due="2026-01-31")).denda_pkb == 2_400
    assert only_year(quote("2026-03-01", tax_due="2026-01-31")).denda_pkb == 4_800


def test_leap_day_due_date_falls_due_on_28_february_the_next_year():
    early = quote("2025-02-27", tax_due="2024-02-29", stnk_valid_until="2029-02-28")
    assert [y.due for y in early.years] == [date(2024, 2, 29)]
    assert early.new_tax_due == date(2025, 2, 28)
    bill = quote("2025-02-28", tax_due="2024-02-29", stnk_valid_until="2029-02-28")
    old, new = bill.years
    # 29 Feb 2024 + 12 months = 28 Feb 2025: 12 months, 365 days; 300.000 × 25 % = 75.000
    assert (old.months_late, old.days_late, old.denda_pkb) == (12, 365, 75_000)
    # 28 Feb 2025 paid on its due date; priced by jatim-2025 and capped by tanpa-kenaikan-2025:
    # old = 20.000.000 × 1.5 % = 300.000 < 240.000 + 158.400 → PKB 300.000 / 1.66 = 180.722,89 → 180.723
    assert (new.due, new.months_late, new.pkb, new.opsen_pkb) == (date(2025, 2, 28), 0, 180_723, 119_277)
    assert bill.new_tax_due == date(2026, 2, 28)
