"""SHU (sisa hasil usaha) of a year: the result from the books, shared by the members by their purchases
(jasa usaha) and their savings (jasa modal), for the annual meeting (RAT); and the payout.

Above sales on the floors: a member's purchases are their sales net of refunds. The demo's members and
santri with their purchases are seeded here for the same reason (seed.py).
"""
