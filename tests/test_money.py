from decimal import Decimal

import pytest

from posapp.money import MoneyError, format_rupiah, parse_rupiah, percent_of, to_rupiah


@pytest.mark.parametrize("amount, shown", [(40000, "Rp 40.000"), (0, "Rp 0"), (999, "Rp 999"),
                                           (1250000, "Rp 1.250.000"), (-2000, "-Rp 2.000")])
def test_format_rupiah_uses_dots_for_thousands(amount, shown):
    assert format_rupiah(amount) == shown


@pytest.mark.parametrize("typed, value", [("40000", 40000), ("40.000", 40000), ("Rp 40.000", 40000),
                                          ("rp40.000", 40000), ("40.000,00", 40000), (" 7 ", 7), (15, 15)])
def test_parse_rupiah_reads_what_people_type(typed, value):
    assert parse_rupiah(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "40.5", "40,50", "4.00", 1.5, True, "-5", "1.000.000.000.001.000"])
def test_parse_rupiah_refuses_non_rupiah(typed):
    with pytest.raises(MoneyError):
        parse_rupiah(typed)


def test_parse_rupiah_negative_only_when_allowed():
    assert parse_rupiah("-Rp 2.000", allow_negative=True) == -2000


def test_to_rupiah_rounds_half_up_and_refuses_float():
    assert to_rupiah(Decimal("2.5")) == 3
    assert to_rupiah(Decimal("2.49")) == 2
    assert to_rupiah(Decimal("-2.5")) == -3
    with pytest.raises(TypeError):
        to_rupiah(2.5)


def test_percent_of():
    assert percent_of(150000, Decimal("66")) == 99000
    assert percent_of(1001, Decimal("1.5")) == 15  # 15.015 → 15
