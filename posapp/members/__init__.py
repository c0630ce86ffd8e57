"""Anggota koperasi: the registry with member cards, simpanan (pokok, wajib, sukarela) and member credit.

On its own floor between catalog/till and sales: the till's sale looks a member up by card code,
prices at member prices and charges the member's credit (kasbon) through `members.credit`.
The year's SHU (which needs the sales) is in posapp/shu, a floor above.
"""
