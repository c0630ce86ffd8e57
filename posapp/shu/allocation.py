"""SHU arithmetic (pure): pools from the percentages, member shares rounded down, the remainder kept."""
from decimal import ROUND_FLOOR, Decimal


def _floor(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def pools(shu: int, percents: dict) -> dict:
    """{part: rupiah} rounded down; what rounding leaves goes to the first part (cadangan), so Σ = shu."""
    if shu <= 0:
        return dict.fromkeys(percents, 0)
    out = {part: _floor(Decimal(shu) * Decimal(pct) / 100) for part, pct in percents.items()}
    first = next(iter(out))
    out[first] += shu - sum(out.values())
    return out


def shares(pool: int, weights: dict) -> dict:
    """{key: pool × weight ÷ Σ weights} rounded down to whole rupiah (nothing when there is no weight)."""
    total = sum(w for w in weights.values() if w > 0)
    if pool <= 0 or total <= 0:
        return dict.fromkeys(weights, 0)
    return {key: (pool * w) // total if w > 0 else 0 for key, w in weights.items()}
