"""The ways money is tendered at the till, with the words shown to people (receipts, X/Z reports)."""

METHODS = {"cash": "Tunai", "qris": "QRIS", "transfer": "Transfer", "debit": "Debit"}


def method_label(method: str) -> str:
    return METHODS.get(method, method)
