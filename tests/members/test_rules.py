"""Member arithmetic without an app: number format, NIK and phone checks, wajib arrears, credit aging."""
from datetime import date

import pytest

from posapp.members import rules
from posapp.members.rules import MemberRefused


def test_number_format_fills_sequence_year_and_code():
    assert rules.format_number("AGT-{no:05d}", 12, 2026, "KOP01") == "AGT-00012"
    assert rules.format_number("{kode}.{tahun}.{no:04d}", 7, 2025, "KOP01") == "KOP01.2025.0007"
    assert rules.format_number("A{no}", 123456, 2025, "") == "A123456"
    assert rules.counter_key("{tahun}-{no:03d}", 2026) == "2026" and rules.counter_key("A{no}", 2026) == "all"


@pytest.mark.parametrize("bad", ["", "AGT", "{no}{no}", "AGT/{no:04d}", "{no:05d} x", "{0.__class__}{no}",
                                 "{nomor}"])
def test_bad_number_formats_are_refused(bad):
    with pytest.raises(MemberRefused):
        rules.check_format(bad)


def test_nik_sixteen_digits_with_region_and_birth_date():
    assert rules.check_nik("3517 0912 0305 0001") == "3517091203050001"
    assert rules.check_nik("3517095203050001") == "3517095203050001"  # a woman: day + 40
    assert rules.check_nik("") == ""
    for bad in ("351709120305000", "35170912030500011", "0017091203050001", "3517093203050001",
                "3517091213050001", "35170912030500x1"):
        with pytest.raises(MemberRefused):
            rules.check_nik(bad)


def test_phone_numbers_are_normalised():
    assert rules.check_phone("+62 812-3456-7890") == "081234567890"
    assert rules.check_phone("0812 3456 789") == "08123456789"
    with pytest.raises(MemberRefused):
        rules.check_phone("12345")


def test_wajib_arrears_count_every_month_since_joining():
    joined = date(2026, 9, 20)
    assert rules.wajib_arrears(joined, date(2026, 11, 24), 0) == 3
    assert rules.wajib_arrears(joined, date(2026, 11, 24), 2) == 1
    assert rules.wajib_arrears(joined, date(2026, 11, 24), 5) == 0
    assert rules.wajib_arrears(joined, date(2027, 3, 1), 0, left=date(2026, 10, 5)) == 2
    assert rules.next_period(joined, 0) == "2026-09" and rules.next_period(joined, 4) == "2027-01"


def test_aging_settles_the_oldest_charges_first():
    today = date(2026, 11, 24)
    charges = [(date(2026, 7, 1), 50_000), (date(2026, 9, 20), 30_000), (date(2026, 11, 20), 20_000)]
    assert rules.aging(charges, 60_000, today) == {"0–30 hari": 20_000, "31–60 hari": 0, "61–90 hari": 20_000,
                                                   "> 90 hari": 0}  # the 65-day-old charge is 10.000 paid
    assert rules.aging(charges, 0, today)["> 90 hari"] == 50_000
    assert sum(rules.aging(charges, 100_000, today).values()) == 0
