"""The three 2025 relief programmes and their conditions."""
import pytest

from .vehicles import only_year, quote

TANPA = "tanpa-kenaikan-2025"
AGUSTUS = "pemutihan-agustus-2025"
HUT = "pemutihan-hut-jatim-2025"


def test_tanpa_kenaikan_caps_pkb_and_opsen_at_the_old_pkb():
    bill = quote("2025-03-10", tax_due="2025-03-10", stnk_valid_until="2028-03-10")
    year = only_year(bill)
    # new: 240.000 + 158.400 = 398.400 > old 20.000.000 × 1.5 % = 300.000
    # PKB = 300.000 / 1.66 = 180.722,89 → 180.723; opsen = 300.000 − 180.723 = 119.277
    assert (year.ruleset, year.pkb, year.opsen_pkb) == ("jatim-2025", 180_723, 119_277)
    assert bill.programmes == (TANPA,)


def test_tanpa_kenaikan_uses_the_old_rate_of_the_same_ownership_order():
    year = only_year(quote("2025-03-10", ownership_order=2, tax_due="2025-03-10", stnk_valid_until="2028-03-10"))
    # new: 340.000 + 224.400 = 564.400 > old 20.000.000 × 2.0 % = 400.000
    # PKB = 400.000 / 1.66 = 240.963,86 → 240.964; opsen = 159.036
    assert (year.pkb, year.opsen_pkb) == (240_964, 159_036)


def test_tanpa_kenaikan_denda_is_taken_on_the_capped_amounts():
    year = only_year(quote("2025-05-20", tax_due="2025-03-10", stnk_valid_until="2028-03-10"))
    # 3 months late (10 May < 20 May): 180.723 × 3 % = 5.421,69 → 5.422; 119.277 × 3 % = 3.578,31 → 3.578
    assert (year.months_late, year.denda_pkb, year.denda_opsen_pkb, year.denda_swdkllj) == (3, 5_422, 3_578, 8_000)


@pytest.mark.parametrize("paid, open_", [("2025-01-04", False), ("2025-01-05", True), ("2025-12-31", True),
                                         ("2026-01-01", False)])
def test_tanpa_kenaikan_window(paid, open_):
    # a year due 5 Jan 2025 is priced by jatim-2025 whenever it is paid
    bill = quote(paid, tax_due="2025-01-05", stnk_valid_until="2028-01-05")
    assert (TANPA in bill.programmes) is open_
    # capped: 180.723; otherwise the full 240.000
    assert only_year(bill).pkb == (180_723 if open_ else 240_000)


def test_tanpa_kenaikan_also_caps_a_typed_pkb_pokok():
    # printed under jatim-2025: 240.000 ÷ 1.2 % = base 20.000.000, then as the NJKB bill above:
    # 240.000 + 158.400 > old 300.000 → 180.723 + 119.277 (samsat.md changed: it was NJKB bills only)
    bill = quote("2025-03-10", njkb=None, pkb_pokok=240_000, pkb_regime="jatim-2025", tax_due="2025-03-10",
                 stnk_valid_until="2028-03-10")
    assert (bill.pkb, bill.opsen_pkb, bill.programmes) == (180_723, 119_277, (TANPA,))


def test_tanpa_kenaikan_needs_a_year_priced_by_jatim_2025():
    # paid in the window, but the only year owed (due 20 Dec 2024) is priced by jatim-2010
    bill = quote("2025-01-10", tax_due="2024-12-20", stnk_valid_until="2028-12-20")
    assert (only_year(bill).ruleset, bill.programmes) == ("jatim-2010", ())
    # forcing jatim-2010 on a 2025 year: nothing priced by jatim-2025 either
    assert quote("2025-03-10", rules="jatim-2010", tax_due="2025-03-10", stnk_valid_until="2028-03-10").programmes == ()


def test_tanpa_kenaikan_with_pemutihan_caps_at_the_first_ownership_old_rate():
    bill = quote("2025-08-01", ownership_order=3, tax_due="2025-07-20", stnk_valid_until="2028-07-20")
    year = only_year(bill)
    # pemutihan: first-ownership rate 1.2 % → 240.000 + 158.400 = 398.400 > old at the FIRST order 1.5 %
    # = 300.000 (not 2.5 % = 500.000) → PKB 180.723, opsen 119.277; 12 days late: denda PKB/opsen waived,
    # SW denda 25 % × 32.000 = 8.000 stays
    assert (year.pkb, year.opsen_pkb, year.denda_pkb, year.denda_opsen_pkb, year.denda_swdkllj) == \
        (180_723, 119_277, 0, 0, 8_000)
    assert bill.programmes == (AGUSTUS, TANPA)  # sorted
    assert bill.total == 300_000 + 35_000 + 8_000


def test_pemutihan_waives_denda_pkb_on_old_years_and_gives_first_ownership_rate():
    bill = quote("2025-08-01", ownership_order=4, tax_due="2024-09-01", stnk_valid_until="2028-09-01")
    year = only_year(bill)
    # jatim-2010 year, 11 months late: first-ownership 1.5 % → 300.000 (not 3.0 % = 600.000);
    # denda PKB waived (would be 68.750); SW 35.000 and its flat denda 32.000 stay
    assert (year.ruleset, year.months_late, year.pkb, year.denda_pkb, year.denda_swdkllj) == \
        ("jatim-2010", 11, 300_000, 0, 32_000)
    assert bill.programmes == (AGUSTUS,)
    assert bill.total == 367_000


@pytest.mark.parametrize("paid, programme", [
    ("2025-07-13", None), ("2025-07-14", AGUSTUS), ("2025-08-31", AGUSTUS), ("2025-09-01", None),
    ("2025-09-30", None), ("2025-10-01", HUT), ("2025-11-30", HUT), ("2025-12-01", None),
])
def test_pemutihan_windows(paid, programme):
    bill = quote(paid, tax_due="2025-06-01", stnk_valid_until="2028-06-01")
    # the year due 1 Jun 2025 is priced by jatim-2025, and every date here is in tanpa-kenaikan's window
    assert bill.programmes == tuple(sorted({TANPA, programme} - {None}))
    # capped PKB 180.723 × 1 % × months late unless waived
    assert (bill.denda_pkb == 0) is (programme is not None)
