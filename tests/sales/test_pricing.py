"""The pure sale arithmetic: no app, no database."""
from decimal import Decimal

import pytest

from posapp.sales import pricing
from posapp.sales.pricing import SaleRefused


def test_member_price_applies_only_to_anggota():
    assert pricing.unit_price(10000, 9000, True) == 9000
    assert pricing.unit_price(10000, 9000, False) == 10000
    assert pricing.unit_price(10000, None, True) == 10000


def test_override_wins_and_must_be_sane():
    assert pricing.unit_price(10000, 9000, True, override=8000) == 8000
    with pytest.raises(SaleRefused):
        pricing.unit_price(10000, None, False, override=0)


def test_line_discount_in_rupiah_or_percent_rounds_half_up():
    assert pricing.price_line(35000, 3, "10%").discount == 10500
    assert pricing.price_line(333, 1, "5%").discount == 17  # 16.65 → 17
    assert pricing.price_line(1000, 3, "2.500").total == 500
    assert pricing.price_line(1000, 2, 500).total == 1500


@pytest.mark.parametrize("spec", ["101%", "-5%", "abc", "3001", 2.5])
def test_bad_discounts_are_refused(spec):
    with pytest.raises(SaleRefused):
        pricing.price_line(1000, 3, spec)


@pytest.mark.parametrize("qty", [0, -1, 10_000, "3", 1.5, True])
def test_bad_quantities_are_refused(qty):
    with pytest.raises(SaleRefused):
        pricing.price_line(1000, qty)


def test_totals_and_approval_threshold():
    lines = [pricing.price_line(10000, 2, "10%"), pricing.price_line(5000, 1)]
    assert pricing.totals(lines) == {"subtotal": 25000, "discount": 2000, "total": 23000}
    assert not pricing.needs_approval(lines[0], 10, False)
    assert pricing.needs_approval(pricing.price_line(10000, 2, "11%"), Decimal(10), False)
    assert pricing.needs_approval(lines[1], 10, True)


def test_cash_gives_change():
    s = pricing.settle(43000, [("cash", 50000, "")])
    assert (s.paid, s.change) == (43000, 7000)
    assert s.applied == [("cash", 43000, 50000, "")]


def test_split_payment_noncash_exact_and_cash_rest():
    s = pricing.settle(100000, [("qris", 60000, "REF1"), ("cash", 50000, "")])
    assert s.change == 10000
    assert [(m, a) for m, a, _, _ in s.applied] == [("qris", 60000), ("cash", 40000)]


def test_underpaid_sale_cannot_complete():
    with pytest.raises(SaleRefused, match="kurang Rp 1.000"):
        pricing.settle(43000, [("cash", 42000, "")])


def test_noncash_needs_reference_and_cannot_exceed_the_bill():
    with pytest.raises(SaleRefused, match="referensi"):
        pricing.settle(1000, [("transfer", 1000, "")])
    with pytest.raises(SaleRefused, match="melebihi"):
        pricing.settle(1000, [("debit", 2000, "X")])


@pytest.mark.parametrize("amount", [0, -5, 1_000_000_001, "50000"])
def test_bad_tenders_are_refused(amount):
    with pytest.raises(SaleRefused):
        pricing.settle(1000, [("cash", amount, "")])


def test_partial_refunds_add_up_to_the_line_total_exactly():
    parts = [pricing.refund_amount(10000, 3, done, 1) for done in range(3)]
    assert sum(parts) == 10000
    with pytest.raises(SaleRefused):
        pricing.refund_amount(10000, 3, 2, 2)
