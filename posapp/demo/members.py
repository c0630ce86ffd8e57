"""Members (anggota) and santri in the demo: the registry's own seeding (posapp/shu/seed.py).

`seed_members(ctx)` runs once after the shop is set up: ~50 anggota with simpanan pokok/wajib/sukarela,
some with a kasbon limit and credit purchases, and ~100 santri with a dompet topped up and spent from.
`member_day(ctx, day)` is the place for a day's member and wallet acts in the month (none yet: the month's
sales already flag ~35 % of buyers as anggota with member prices).
"""
from ..shu.seed import seed_members as seed_registry


def seed_members(ctx=None) -> None:
    seed_registry(rng=getattr(ctx, "rng", None))


def member_day(ctx, day) -> None:
    """A day's member and wallet acts: none yet (see the module docstring)."""
