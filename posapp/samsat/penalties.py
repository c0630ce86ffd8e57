"""Penalties (denda): the code of each regime; every number comes from the rule set.

Denda PKB and denda opsen follow the rule set's regime (`penalty` in the document); denda SWDKLLJ is
national (PMK 16/2017) and tiered by days late in every rule set (`swdkllj.denda`).
"""
from dataclasses import dataclass
from decimal import Decimal

from ..money import to_rupiah
from .errors import RulesetError
from .numbers import amount_field, count_field, percent_field


@dataclass(frozen=True)
class YearlyPercentPerMonth:
    """jatim-2010: a yearly percentage of PKB, pro rata per month late (capped in months)."""
    pkb_percent_per_year: Decimal
    max_months: int

    @classmethod
    def from_params(cls, params):
        return cls(percent_field(params, "pkb_percent_per_year"), count_field(params, "max_months"))

    def denda(self, pkb, opsen, months_late):
        """(denda PKB, denda opsen), each rounded once."""
        # multiply first, divide once: the exact value decides the half-up rounding
        factor = self.pkb_percent_per_year * min(months_late, self.max_months)
        return to_rupiah(pkb * factor / 1200), to_rupiah(opsen * factor / 1200)


@dataclass(frozen=True)
class PercentPerMonth:
    """jatim-2025: a percentage of PKB and of opsen per month late (capped in months)."""
    pkb_percent_per_month: Decimal
    max_months: int

    @classmethod
    def from_params(cls, params):
        return cls(percent_field(params, "pkb_percent_per_month"), count_field(params, "max_months"))

    def denda(self, pkb, opsen, months_late):
        """(denda PKB, denda opsen), each rounded once."""
        factor = self.pkb_percent_per_month * min(months_late, self.max_months)
        return to_rupiah(pkb * factor / 100), to_rupiah(opsen * factor / 100)


REGIMES = {"yearly_percent_per_month": YearlyPercentPerMonth, "percent_per_month": PercentPerMonth}


def penalty_from_params(params):
    """The denda PKB regime named by params['regime'], with its numbers."""
    if not isinstance(params, dict) or params.get("regime") not in REGIMES:
        raise RulesetError(f"rezim denda tidak dikenal; yang dikenal: {', '.join(sorted(REGIMES))}")
    return REGIMES[params["regime"]].from_params(params)


@dataclass(frozen=True)
class SwDenda:
    """Denda SWDKLLJ: a share of SW pokok by days late (bands), at most `max_per_year` for each year."""
    tiers: tuple  # ((days_max or None, percent), ...) in increasing days; the last one open-ended
    max_per_year: int

    @classmethod
    def from_params(cls, params):
        tiers = params.get("tiers") if isinstance(params, dict) else None
        if not isinstance(tiers, list) or not tiers or not all(isinstance(tier, dict) for tier in tiers):
            raise RulesetError("swdkllj.denda.tiers harus daftar tingkat hari yang tidak kosong")
        parsed = tuple((None if tier.get("days_max") is None else count_field(tier, "days_max"),
                        percent_field(tier, "percent")) for tier in tiers)
        bounds = [days_max for days_max, _ in parsed[:-1]]
        if None in bounds or parsed[-1][0] is not None or bounds != sorted(set(bounds)):
            raise RulesetError("swdkllj.denda.tiers: batas hari naik, yang terakhir tanpa batas (days_max null)")
        return cls(parsed, amount_field(params, "max_per_year"))

    def percent(self, days_late: int) -> Decimal:
        return next(percent for days_max, percent in self.tiers if days_max is None or days_late <= days_max)

    def denda(self, sw_pokok: int, days_late: int) -> int:
        """Rounded once, then capped; nothing when the year is not late."""
        if days_late <= 0:
            return 0
        return min(to_rupiah(sw_pokok * self.percent(days_late) / 100), self.max_per_year)
