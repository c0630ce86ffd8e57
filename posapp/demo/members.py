"""THE PLACE FOR MEMBERS AND SANTRI IN THE DEMO (another engineer adds them; nothing here yet).

`seed_members(ctx)` runs once after the shop is set up (make anggota with simpanan pokok/wajib, santri
with their dompet); `member_day(ctx, day)` runs every simulated day after the morning's sales (member
credit sales, repayments, wallet top-ups, simpanan sukarela). `ctx` is posapp.demo.month.Month: its rng,
users, products, the day. Until then the month's sales flag ~35 % of buyers as anggota (member prices).
"""


def seed_members(ctx) -> None:
    """Members (anggota) and santri with their wallets: not in the demo yet."""


def member_day(ctx, day) -> None:
    """A day's member and wallet acts: not in the demo yet."""
