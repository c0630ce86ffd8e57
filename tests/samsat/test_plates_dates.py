from datetime import date

import pytest

from posapp.samsat.dates import add_months, add_years, days_late, months_late
from posapp.samsat.plates import display_plate, normalise_plate
from posapp.samsat.rules import years_owed


@pytest.mark.parametrize("typed", ["l 1234 ab", "L-1234-AB", "L1234AB", " L 1234 AB ", "l.1234.ab", "L  1234\tab"])
def test_plate_is_normalised_and_shown_grouped(typed):
    assert normalise_plate(typed) == "L1234AB"
    assert display_plate(typed) == "L 1234 AB"


@pytest.mark.parametrize("typed, shown", [("ag 1 a", "AG 1 A"), ("N 9999", "N 9999"), ("ae1234xyz", "AE 1234 XYZ")])
def test_plate_display_splits_region_number_suffix(typed, shown):
    assert display_plate(typed) == shown


def test_invalid_plate_is_shown_normalised_as_it_is():
    assert display_plate("l 12345 ab") == "L12345AB"


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),   # February has no 31st: its last day
    (date(2024, 1, 31), 1, date(2024, 2, 29)),   # leap year
    (date(2026, 1, 31), 2, date(2026, 3, 31)),   # counted from the due date, not chained
    (date(2026, 11, 15), 3, date(2027, 2, 15)),  # across the year end
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
])
def test_add_months_keeps_day_or_takes_last_day(day, months, expected):
    assert add_months(day, months) == expected


def test_leap_day_plus_one_year_is_28_february_and_plus_four_is_29():
    assert add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)


@pytest.mark.parametrize("due, paid, months, days", [
    (date(2026, 3, 10), date(2026, 3, 10), 0, 0),    # on the due date: not late
    (date(2026, 3, 10), date(2026, 1, 1), 0, 0),     # early
    (date(2026, 3, 10), date(2026, 3, 11), 1, 1),    # one day late is a whole month
    (date(2026, 3, 10), date(2026, 4, 10), 1, 31),   # 10 Mar + 1 month = 10 Apr >= paid
    (date(2026, 3, 10), date(2026, 4, 11), 2, 32),
    (date(2026, 1, 31), date(2026, 2, 28), 1, 28),   # 31 Jan + 1 month = 28 Feb >= 28 Feb
    (date(2026, 1, 31), date(2026, 3, 1), 2, 29),    # 28 Feb < 1 Mar <= 31 Mar
    (date(2024, 2, 29), date(2025, 2, 28), 12, 365),  # 29 Feb 2024 + 12 months = 28 Feb 2025
])
def test_months_and_days_late(due, paid, months, days):
    assert months_late(due, paid) == months
    assert days_late(due, paid) == days


def test_years_owed_are_due_dates_on_or_before_payment():
    assert years_owed(date(2025, 3, 10), date(2026, 3, 9)) == [date(2025, 3, 10)]
    assert years_owed(date(2025, 3, 10), date(2026, 3, 10)) == [date(2025, 3, 10), date(2026, 3, 10)]
    assert years_owed(date(2026, 3, 10), date(2026, 1, 1)) == [date(2026, 3, 10)]  # paying early


def test_years_owed_from_a_leap_day_count_from_the_original_date():
    # 29 Feb 2024 + 1, 2, 3 years = 28 Feb; + 4 years = 29 Feb 2028 again
    assert years_owed(date(2024, 2, 29), date(2028, 3, 1)) == [
        date(2024, 2, 29), date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]
