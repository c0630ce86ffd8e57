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
