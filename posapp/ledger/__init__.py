"""The ledger: double-entry journal in integer rupiah, day close, the buku kas harian and reports."""
