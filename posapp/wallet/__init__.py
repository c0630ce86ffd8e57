"""Dompet santri: cashless wallets on the members registry, paid into by the wali, spent at the till.

Between members and sales on the floors: the sale debits the wallet in its own transaction. The money is
a liability (Titipan dompet santri, 2102), never income; no balance ever goes below zero — one
conditional UPDATE (… WHERE balance >= amount) decides, on SQLite and PostgreSQL alike.
"""
