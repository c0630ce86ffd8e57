"""`flask --app posapp samsat quote`: vehicle JSON on stdin, bill JSON on stdout."""
import json
from datetime import datetime, timezone

import pytest

from .vehicles import vehicle

KEYS = ["plate", "plate_display", "ruleset", "payable", "refusal", "years", "pkb", "opsen_pkb", "denda_pkb",
        "denda_opsen_pkb", "swdkllj", "denda_swdkllj", "total", "new_tax_due", "programmes"]
YEAR_KEYS = ["due", "ruleset", "months_late", "days_late", "pkb", "opsen_pkb", "denda_pkb", "denda_opsen_pkb",
             "swdkllj", "denda_swdkllj"]


def run(runner, facts, *args):
    text = facts if isinstance(facts, str) else json.dumps(facts)
    return runner.invoke(args=["samsat", "quote", *args], input=text)


def test_quote_prints_the_bill_json(runner):
    result = run(runner, vehicle(plate="l-1234-ab"), "--on", "2026-03-11")
    assert result.exit_code == 0, result.stderr
    bill = json.loads(result.stdout)
    assert list(bill) == KEYS and list(bill["years"][0]) == YEAR_KEYS
    # 240.000 + 158.400 + 1 month: 2.400 + 1.584; SW 35.000 + 8.000
    assert (bill["plate"], bill["plate_display"], bill["total"], bill["new_tax_due"], bill["years"][0]["due"]) == \
        ("L1234AB", "L 1234 AB", 445_384, "2027-03-10", "2026-03-10")
    assert '\n  "plate": "L1234AB"' in result.stdout  # indent 2


def test_rules_option_forces_the_rule_set(runner):
    bill = json.loads(run(runner, vehicle(), "--on", "2026-03-10", "--rules", "jatim-2010").stdout)
    assert (bill["ruleset"], bill["pkb"], bill["opsen_pkb"]) == ("jatim-2010", 300_000, 0)


def test_refused_bill_prints_and_exits_0(runner):
    result = run(runner, vehicle(plate="B 1234 XYZ"), "--on", "2026-03-10")
    assert result.exit_code == 0
    bill = json.loads(result.stdout)
    assert (bill["payable"], bill["refusal"]["code"], bill["total"]) == (False, "plate_not_jatim", 0)


@pytest.mark.parametrize("facts, args, words", [
    ("{not json", [], "bukan JSON"),
    (vehicle(njkb=None), [], "NJKB atau PKB pokok"),
    (vehicle(njkb=-5), [], "lebih dari 0"),
    (vehicle(tax_due="2026-02-30"), [], "tidak valid"),
    (vehicle(), ["--rules", "jatim-1999"], "tidak dikenal"),
    (vehicle(), ["--on", "2026-13-01"], "Tanggal --on"),
    ("[]", [], "objek JSON"),
    (vehicle(njkb=None, pkb_pokok=240_000), [], "pkb_regime"),                        # regime missing
    (vehicle(njkb=None, pkb_pokok=240_000, pkb_regime="opsen"), [], "pkb_regime"),    # unknown regime
    (vehicle(pkb_regime="jatim-2025"), [], "pkb_regime"),                             # regime with NJKB
    (vehicle(pkb_pokok=240_000, pkb_regime="jatim-2025"), [], "jangan keduanya"),     # both amounts
    (vehicle(njkb=None, pkb_pokok=-1, pkb_regime="jatim-2010"), [], "lebih dari 0"),
    (vehicle(cc=125.5), [], "bilangan bulat"),
])
def test_malformed_input_exits_2_with_an_indonesian_message(runner, facts, args, words):
    result = run(runner, facts, "--on", "2026-03-10", *args) if "--on" not in args else run(runner, facts, *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert result.stdout == ""


def test_payment_date_defaults_to_today_in_wib(runner, frozen_clock):
    frozen_clock(datetime(2026, 3, 10, 16, 59, tzinfo=timezone.utc))  # 23:59 WIB on the due date
    assert json.loads(run(runner, vehicle()).stdout)["years"][0]["months_late"] == 0
    frozen_clock(datetime(2026, 3, 10, 17, 0, tzinfo=timezone.utc))  # 00:00 WIB the next day: late
    assert json.loads(run(runner, vehicle()).stdout)["years"][0]["days_late"] == 1


def test_a_typed_old_regime_pkb_pokok_two_years_owed(runner):
    # the example (test_pkb_pokok has the arithmetic): PKB pokok 202.500 from an STNK without an
    # opsen line, due 10 Mar 2024, paid 20 Mar 2025 → 567.650 (it was 702.637)
    facts = vehicle(njkb=None, pkb_pokok=202_500, pkb_regime="jatim-2010", tax_due="2024-03-10",
                    stnk_valid_until="2027-03-10")
    result = run(runner, facts, "--on", "2025-03-20")
    assert result.exit_code == 0, result.stderr
    bill = json.loads(result.stdout)
    assert [(y["ruleset"], y["pkb"], y["opsen_pkb"], y["denda_pkb"], y["denda_opsen_pkb"], y["denda_swdkllj"])
            for y in bill["years"]] == [("jatim-2010", 202_500, 0, 50_625, 0, 32_000),
                                        ("jatim-2025", 121_988, 80_512, 1_220, 805, 8_000)]
    assert (bill["pkb"], bill["opsen_pkb"], bill["denda_pkb"], bill["denda_opsen_pkb"], bill["swdkllj"],
            bill["denda_swdkllj"], bill["total"]) == (324_488, 80_512, 51_845, 805, 70_000, 40_000, 567_650)
    assert (bill["ruleset"], bill["new_tax_due"], bill["programmes"]) == \
        ("jatim-2025", "2026-03-10", ["tanpa-kenaikan-2025"])


def test_the_new_rules_through_the_quote_command(runner):
    # a motorcycle 21 days late before 2025: denda SW 25 % × 32.000 = 8.000
    bill = json.loads(run(runner, vehicle(tax_due="2024-03-10", stnk_valid_until="2027-03-10"),
                          "--on", "2024-03-31").stdout)
    assert (bill["years"][0]["ruleset"], bill["denda_swdkllj"]) == ("jatim-2010", 8_000)
    # a pick-up of 2.500 cc pays SWDKLLJ 163.000
    assert json.loads(run(runner, vehicle(vehicle_class="pickup", cc=2_500), "--on", "2026-03-10").stdout)[
        "swdkllj"] == 163_000
    # STNK valid until 29 Jan 2027 = tax due, paid 60 days before: the renewal, refused (still exit 0)
    result = run(runner, vehicle(tax_due="2027-01-29", stnk_valid_until="2027-01-29"), "--on", "2026-11-30")
    bill = json.loads(result.stdout)
    assert (result.exit_code, bill["payable"], bill["refusal"]["code"], bill["years"], bill["new_tax_due"]) == \
        (0, False, "stnk_renewal_due", [], None)
