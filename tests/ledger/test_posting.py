"""The pure posting rules of ledger.md, without an app."""
import pytest

from posapp.ledger import chart, daybook, posting
from posapp.excel_csv import cell, safe_text
from posapp.ledger.posting import LedgerRefused, Line


def sides(lines):
    return {(x.account, x.debit, x.credit) for x in posting.balanced(lines)}


def test_cash_sale_of_ledger_md():
    assert sides(posting.sale_lines(103_000, 0, 88_000)) == {
        ("1101", 103_000, 0), ("4101", 0, 103_000), ("5101", 88_000, 0), ("1301", 0, 88_000)}


def test_non_cash_tender_debits_bank():
    assert ("1102", 50_000, 0) in sides(posting.sale_lines(10_000, 50_000, 0))
    assert ("4101", 0, 60_000) in sides(posting.sale_lines(10_000, 50_000, 0))


def test_samsat_tax_is_titipan_never_income():
    assert sides(posting.samsat_lines(1_250_000, 5_000, 1_255_000)) == {
        ("1101", 1_255_000, 0), ("2101", 0, 1_250_000), ("4201", 0, 5_000)}


def test_samsat_money_must_match_tax_and_fee():
    with pytest.raises(LedgerRefused):
        posting.samsat_lines(1_250_000, 5_000, 1_250_000)


def test_cash_short_and_over():
    assert sides(posting.cash_difference_lines(-2_000)) == {("6101", 2_000, 0), ("1101", 0, 2_000)}
    assert sides(posting.cash_difference_lines(500)) == {("1101", 500, 0), ("6101", 0, 500)}


def test_refund_goes_through_retur_and_stock_back_at_cost():
    assert sides(posting.refund_lines(20_000, 0, 14_000)) == {
        ("4102", 20_000, 0), ("1101", 0, 20_000), ("1301", 14_000, 0), ("5101", 0, 14_000)}


@pytest.mark.parametrize("lines", [
    [Line("1101", debit=100), Line("4101", credit=99)],            # unbalanced
    [Line("1101", debit=100)],                                      # one-sided
    [Line("1101", debit=100, credit=100)],                          # both sides on one line
    [Line("1101", debit=-100), Line("4101", credit=-100)],          # negative
    [Line("1101", debit=1.5), Line("4101", credit=1.5)],            # float money
    [],
])
def test_bad_entries_refused(lines):
    with pytest.raises(LedgerRefused):
        posting.balanced(lines)


def test_summary_by_category():
    rows = [("sale", "1101", 100, 0), ("sale", "1102", 50, 0), ("refund", "1101", 0, 30),
            ("samsat", "1101", 1005, 0), ("samsat", "2101", 0, 1000), ("samsat", "4201", 0, 5),
            ("setoran", "2101", 400, 0), ("setoran", "1101", 0, 400), ("day_close", "6101", 2, 0),
            ("day_close", "1101", 0, 2), ("dompet", "1101", 20, 0), ("someday_source", "1101", 7, 0)]
    out = daybook.summarize(rows)
    kas = {name: (cash_in, cash_out) for name, cash_in, cash_out in out["kas"]}
    assert (kas["Penjualan tunai"], kas["Retur / void penjualan"]) == ((100, 0), (0, 30))
    assert kas["Loket Samsat: titipan pajak & jasa loket"] == (1005, 0) and kas["Setoran pajak Samsat"] == (0, 400)
    assert kas["Selisih kas (hitung kas)"] == (0, 2) and kas["Dompet santri (isi / tarik saldo)"] == (20, 0)
    assert kas["Lain-lain"] == (7, 0)  # an unnamed source still counts: the book reconciles
    assert (out["noncash_sales"], out["samsat_tax"], out["samsat_fee"]) == (50, 1000, 5)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_formula_text_is_guarded(text):
    assert safe_text(text) == "'" + text
    assert cell(text).startswith("'")


def test_csv_numbers_stay_plain():
    assert cell(-2000) == "-2000" and cell(1_255_000) == "1255000" and cell("Kopi") == "Kopi"


def test_opening_balance_debits_cash_and_bank_credits_modal():
    assert sides(posting.opening_lines(500_000, 1_250_000)) == {
        ("1101", 500_000, 0), ("1102", 1_250_000, 0), ("3101", 0, 1_750_000)}
    assert sides(posting.opening_lines(500_000)) == {("1101", 500_000, 0), ("3101", 0, 500_000)}
    assert ("3101", "Modal / saldo awal", "equity") in chart.CHART


@pytest.mark.parametrize("cash, bank, field", [
    (0, 0, "saldo_kas"), (-1, 0, "saldo_kas"), (1_000, -1, "saldo_bank"), (1.5, 0, "saldo_kas"),
    (True, 0, "saldo_kas"), (posting.MAX_OPENING + 1, 0, "saldo_kas"), (1, posting.MAX_OPENING + 1, "saldo_bank")])
def test_opening_balance_refuses_zero_negative_and_absurd(cash, bank, field):
    with pytest.raises(LedgerRefused) as refused:
        posting.opening_lines(cash, bank)
    assert refused.value.field == field
