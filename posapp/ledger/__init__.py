"""The ledger: double-entry journal in integer rupiah, the chart, postings, the day lock. It knows no feature:
features call `acts` with plain values."""
