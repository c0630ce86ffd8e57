"""Price one tax year: PKB, opsen, SWDKLLJ and their denda, each rounded once from the ones before it."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..money import to_rupiah
from .dates import days_late, months_late


@dataclass(frozen=True)
class YearBill:
    due: date
    ruleset: str
    months_late: int
    days_late: int
    pkb: int
    opsen_pkb: int
    denda_pkb: int
    denda_opsen_pkb: int
    swdkllj: int
    denda_swdkllj: int

    def to_json(self):
        return {"due": self.due.isoformat(), "ruleset": self.ruleset, "months_late": self.months_late,
                "days_late": self.days_late, "pkb": self.pkb, "opsen_pkb": self.opsen_pkb,
                "denda_pkb": self.denda_pkb, "denda_opsen_pkb": self.denda_opsen_pkb, "swdkllj": self.swdkllj,
                "denda_swdkllj": self.denda_swdkllj}


def tax_base(vehicle, ruleset, book) -> Decimal:
    """What the PKB rate applies to: NJKB × bobot, or PKB pokok ÷ the rate it was printed at.

    A typed PKB pokok was printed at the `pkb_regime` rate of the vehicle's own ownership order; the
    quotient keeps the default 28-digit context and is not rounded, so the year is then priced exactly
    like an NJKB bill (the year's rates, opsen and every relief).
    """
    if vehicle.njkb is not None:
        return vehicle.njkb * ruleset.bobot[vehicle.vehicle_class]
    printed_rate = book.get(vehicle.pkb_regime).pkb_rate(vehicle.ownership_order)
    return Decimal(vehicle.pkb_pokok) * 100 / printed_rate


def pkb_at(base: Decimal, ruleset, ownership_order: int) -> int:
    """The PKB of `base` at the rule set's rate for the ownership order, rounded once."""
    return to_rupiah(base * ruleset.pkb_rate(ownership_order) / 100)


def price_year(vehicle, due, ruleset, paid_on, programmes, book) -> YearBill:
    """One year owed, priced by `ruleset` with the reliefs `programmes` (already open on paid_on)."""
    order = 1 if any(p.first_ownership_rate for p in programmes) else vehicle.ownership_order
    base = tax_base(vehicle, ruleset, book)
    pkb = pkb_at(base, ruleset, order)
    opsen = to_rupiah(pkb * ruleset.opsen_percent / 100)  # on the rounded PKB
    for cap in (p for p in programmes if p.kind == "cap_at_old_rate" and ruleset.name in p.priced_by):
        pkb, opsen = _capped(pkb, opsen, pkb_at(base, book.get(cap.old_ruleset), order), ruleset)
    months, days = months_late(due, paid_on), days_late(due, paid_on)
    swdkllj = ruleset.swdkllj(vehicle.vehicle_class, vehicle.cc)
    denda_pkb, denda_opsen = ruleset.penalty.denda(pkb, opsen, months)
    denda_sw = ruleset.sw_denda.denda(swdkllj - ruleset.card_fee, days)  # on SW pokok: the card fee has none
    if any(p.waive_denda_pkb for p in programmes):
        denda_pkb = denda_opsen = 0
    return YearBill(due, ruleset.name, months, days, pkb, opsen, denda_pkb, denda_opsen, swdkllj, denda_sw)


def _capped(pkb, opsen, old, ruleset):
    """PKB + opsen no more than `old` (the PKB at the old rate): split `old` back into PKB and opsen."""
    if pkb + opsen <= old:
        return pkb, opsen
    capped = to_rupiah(old * 100 / (100 + ruleset.opsen_percent))
    return capped, old - capped
