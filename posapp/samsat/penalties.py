"""Penalty (denda) regimes: the code of each regime; its numbers come from the rule set."""
from dataclasses import dataclass
from decimal import Decimal

from ..money import to_rupiah
from .errors import RulesetError
from .numbers import amount_field, count_field, percent_field


@dataclass(frozen=True)
class FlatSwMonthly:
    """jatim-2010: a yearly percentage of PKB pro rata per month (capped); SW denda a flat share of SW pokok."""
    pkb_percent_per_year: Decimal
    max_months: int
    sw_percent: Decimal

    @classmethod
    def from_params(cls, params):
        return cls(percent_field(params, "pkb_percent_per_year"), count_field(params, "max_months"),
                   percent_field(params, "sw_percent"))

    def denda(self, pkb, opsen, sw_pokok, months_late, days_late):
        """(denda PKB, denda opsen, denda SW), each rounded once."""
        # multiply first, divide once: the exact value decides the half-up rounding
        factor = self.pkb_percent_per_year * min(months_late, self.max_months)
        denda_sw = to_rupiah(sw_pokok * self.sw_percent / 100) if days_late > 0 else 0
        return to_rupiah(pkb * factor / 1200), to_rupiah(opsen * factor / 1200), denda_sw


@dataclass(frozen=True)
class MonthlyTieredSw:
    """jatim-2025: a percentage of PKB and opsen per month late (capped); SW denda tiered by days, capped."""
    pkb_percent_per_month: Decimal
    max_months: int
    sw_tiers: tuple  # ((days_max or None, percent), ...) in increasing days
    sw_max: int

    @classmethod
    def from_params(cls, params):
        tiers = params.get("sw_tiers")
        if not isinstance(tiers, list) or not tiers:
            raise RulesetError("penalty.sw_tiers harus daftar yang tidak kosong")
        parsed = tuple((tier.get("days_max") if tier.get("days_max") is None else count_field(tier, "days_max"),
                        percent_field(tier, "percent")) for tier in tiers)
        if parsed[-1][0] is not None:
            raise RulesetError("tingkat denda SW terakhir harus tanpa batas hari (days_max null)")
        return cls(percent_field(params, "pkb_percent_per_month"), count_field(params, "max_months"),
                   parsed, amount_field(params, "sw_max"))

    def sw_percent(self, days_late):
        return next(percent for days_max, percent in self.sw_tiers if days_max is None or days_late <= days_max)

    def denda(self, pkb, opsen, sw_pokok, months_late, days_late):
        """(denda PKB, denda opsen, denda SW), each rounded once."""
        factor = self.pkb_percent_per_month * min(months_late, self.max_months)
        denda_sw = 0
        if days_late > 0:
            denda_sw = min(to_rupiah(sw_pokok * self.sw_percent(days_late) / 100), self.sw_max)
        return to_rupiah(pkb * factor / 100), to_rupiah(opsen * factor / 100), denda_sw


REGIMES = {"flat_sw_monthly_25": FlatSwMonthly, "monthly_1pct_tiered_sw": MonthlyTieredSw}


def penalty_from_params(params):
    """The regime named by params['regime'], with its numbers."""
    if not isinstance(params, dict) or params.get("regime") not in REGIMES:
        raise RulesetError(f"rezim denda tidak dikenal; yang dikenal: {', '.join(sorted(REGIMES))}")
    return REGIMES[params["regime"]].from_params(params)
