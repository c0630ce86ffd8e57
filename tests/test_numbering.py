"""Day counters past 9,999 still sort right as text; old four-digit numbers are unchanged (posapp/numbering.py)."""
import pytest
from hypothesis import given, strategies as st

from posapp.numbering import day_serial, serial_value


def test_four_digits_up_to_9999_then_a_length_letter():
    assert [day_serial(n) for n in (1, 42, 9999, 10_000, 99_999, 100_000, 1_234_567)] == \
        ["0001", "0042", "9999", "A10000", "A99999", "B100000", "C1234567"]


@given(st.lists(st.integers(min_value=1, max_value=10 ** 12), min_size=2, max_size=40, unique=True))
def test_text_order_is_number_order(numbers):
    texts = [f"KOP01-20261124-{day_serial(n)}" for n in numbers]
    assert [serial_value(t) for t in sorted(texts)] == sorted(numbers)
    assert sorted(texts, key=str.casefold) == sorted(texts)  # a case-blind sort (Excel) agrees


def test_serial_value_reads_old_and_new_numbers():
    assert serial_value("KOP01-20261124-0007") == 7
    assert serial_value("JU-20261124-A10001") == 10_001 and serial_value("SAM-KOP01-20261124-B100000") == 100_000
    with pytest.raises(ValueError):
        serial_value("KOP01-20261124-12A")
    with pytest.raises(ValueError):
        day_serial(0)
