"""Price one tax year: PKB, opsen, SWDKLLJ and their denda, each rounded once from the ones before it."""
from dataclasses import dataclass
from datetime import date

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


def base_pkb(vehicle, ruleset, ownership_order) -> int:
    """NJKB × bobot × rate of the ownership order, rounded; or the PKB pokok of the STNK as it is."""
    if vehicle.njkb is None:
        return vehicle.pkb_pokok
    return to_rupiah(vehicle.njkb * ruleset.bobot[vehicle.vehicle_class] * ruleset.pkb_rate(ownership_order) / 100)


def price_year(vehicle, due, ruleset, paid_on, programmes, book) -> YearBill:
    """One year owed, priced by `ruleset` with the reliefs `programmes` (already open on paid_on)."""
    njkb_bill = vehicle.njkb is not None
    first = njkb_bill and any(p.first_ownership_rate for p in programmes)
    order = 1 if first else vehicle.ownership_order
    pkb = base_pkb(vehicle, ruleset, order)
    opsen = to_rupiah(pkb * ruleset.opsen_percent / 100)
    # the old rate needs a base to apply to: only NJKB bills can be capped
    caps = [p for p in programmes if p.kind == "cap_at_old_rate" and ruleset.name in p.priced_by] if njkb_bill else []
    for cap in caps:
        pkb, opsen = _capped(pkb, opsen, base_pkb(vehicle, book.get(cap.old_ruleset), order), ruleset)
    months, days = months_late(due, paid_on), days_late(due, paid_on)
    swdkllj = ruleset.swdkllj(vehicle.vehicle_class, vehicle.cc)
    denda_pkb, denda_opsen = ruleset.penalty.denda(pkb, opsen, months)
    denda_sw = ruleset.sw_denda.denda(swdkllj - ruleset.card_fee, days)  # on SW pokok: the card fee has none
    if any(p.waive_denda_pkb for p in programmes):
        denda_pkb = denda_opsen = 0
    return YearBill(due, ruleset.name, months, days, pkb, opsen, denda_pkb, denda_opsen, swdkllj, denda_sw)


def _capped(pkb, opsen, old, ruleset):
    """PKB + opsen no more than the old PKB: split `old` back into PKB and opsen."""
    if pkb + opsen <= old:
        return pkb, opsen
    capped = to_rupiah(old * 100 / (100 + ruleset.opsen_percent))
    return capped, old - capped
