"""The ways money is tendered at the till, with the words shown to people (receipts, X/Z reports)."""

METHODS = {"cash": "Tunai", "qris": "QRIS", "transfer": "Transfer", "debit": "Debit",
           "kasbon": "Piutang anggota", "dompet": "Dompet santri"}
# the member's own tenders: no reference number, the member attached to the sale is the reference
MEMBER_METHODS = ("kasbon", "dompet")
NEEDS_REFERENCE = ("qris", "transfer", "debit")


def method_label(method: str) -> str:
    return METHODS.get(method, method)
