"""Vehicles for the Samsat tests: a Surabaya 125 cc motorcycle unless told otherwise."""
from datetime import date

from posapp.samsat.rules import compute_bill


def vehicle(**fields):
    """NJKB Rp 20.000.000, first ownership, tax due 10 March 2026, STNK valid until 2029."""
    values = {"plate": "L 1234 AB", "vehicle_class": "motor", "cc": 125, "njkb": 20_000_000,
              "ownership_order": 1, "tax_due": "2026-03-10", "stnk_valid_until": "2029-03-10",
              "blocked": False, "public_transport": False}
    values.update(fields)
    return {key: value for key, value in values.items() if value is not None}


def quote(paid_on, rules=None, **fields):
    """The bill of vehicle(**fields) paid on `paid_on` (an ISO string or a date)."""
    return compute_bill(vehicle(**fields), rules, date.fromisoformat(paid_on) if isinstance(paid_on, str)
                        else paid_on)


def only_year(bill):
    assert len(bill.years) == 1, bill
    return bill.years[0]
