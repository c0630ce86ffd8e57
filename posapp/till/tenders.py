"""The ways money is tendered at the till, with the words shown to people (receipts, X/Z reports)."""
from ..i18n import N_

METHODS = {"cash": N_("Tunai"), "qris": N_("QRIS"), "transfer": N_("Transfer"), "debit": N_("Debit"),
           "kasbon": N_("Piutang anggota"), "dompet": N_("Dompet santri")}
# the member's own tenders: no reference number, the member attached to the sale is the reference
MEMBER_METHODS = ("kasbon", "dompet")
NEEDS_REFERENCE = ("qris", "transfer", "debit")


def method_label(method: str) -> str:
    return METHODS.get(method, method)
