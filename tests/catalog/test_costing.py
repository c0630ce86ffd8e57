"""Moving average cost arithmetic (pure): the average, what Persediaan moves by, the rounding shown."""
from hypothesis import given
from hypothesis import strategies as st

from posapp.catalog import costing


def test_first_receipt_sets_the_average():
    c = costing.move(0, 0, 10, 70_000)
    assert (c.avg_after, c.stock_change, c.residue) == (7_000, 70_000, 0)


def test_receipt_averages_and_rounds_half_up_with_the_residue_shown():
    # (10 × 7.000 + 24 × 7.500) ÷ 34 = 7.352,94 → 7.353; 34 × 7.353 = 250.002 = 70.000 + 180.000 + 2
    c = costing.move(10, 7_000, 24, 180_000)
    assert (c.avg_after, c.stock_change, c.residue) == (7_353, 180_002, 2)
    assert 10 * 7_000 + c.stock_change == c.on_hand_after * c.avg_after


def test_goods_out_at_the_average_leave_it_unchanged():
    c = costing.move(34, 7_353, -4, -4 * 7_353)
    assert (c.avg_after, c.stock_change, c.residue) == (7_353, -29_412, 0)
    assert costing.at_average(34, 7_353, -4) == c


def test_negative_stock_replenished_takes_the_new_cost_and_books_the_difference():
    # 5 were sold below zero at 7.000; they really cost 7.500: Persediaan ends at 5 × 7.500
    c = costing.move(-5, 7_000, 10, 75_000)
    assert (c.avg_after, c.stock_change) == (7_500, 5 * 7_500 + 5 * 7_000)
    assert c.residue == -2_500 and c.stock_change - c.value == c.residue


def test_purchase_return_at_invoice_cost_moves_the_average():
    c = costing.move(10, 7_000, -4, -4 * 8_000)  # goods bought at 8.000 go back at 8.000
    assert c.avg_after == 6_333 and c.on_hand_after * c.avg_after == 70_000 - 32_000 + c.residue


def test_revalue_moves_persediaan_by_on_hand_times_the_change():
    assert costing.revalue(12, 7_000, 7_250).stock_change == 3_000


@given(st.integers(-50, 500), st.integers(0, 200_000), st.integers(-300, 300).filter(bool),
       st.integers(0, 200_000))
def test_on_hand_times_average_is_always_the_books(on_hand, avg, qty, unit):
    c = costing.move(on_hand, avg, qty, qty * unit)
    assert on_hand * avg + c.stock_change == c.on_hand_after * c.avg_after
    assert c.stock_change == c.value + c.residue and c.avg_after >= 0
