"""The journal entries of member acts (ledger.md), as plain values handed to the ledger's acts.

Simpanan pokok/wajib: Dr Kas / Cr 3201/3202; sukarela: Dr Kas / Cr 2301 (withdrawal the reverse);
kasbon repayment: Dr Kas / Cr Piutang anggota. Transfers go through Bank instead of Kas.
"""
from ..ledger import acts
from ..ledger.chart import BANK, KAS, PIUTANG_ANGGOTA, SHU, SIMPANAN_POKOK, SIMPANAN_SUKARELA, SIMPANAN_WAJIB
from ..i18n import N_

SAVINGS_ACCOUNTS = {"pokok": SIMPANAN_POKOK, "wajib": SIMPANAN_WAJIB, "sukarela": SIMPANAN_SUKARELA}
LABELS = {"pokok": N_("Simpanan pokok"), "wajib": N_("Simpanan wajib"), "sukarela": N_("Simpanan sukarela")}


def money_account(method: str) -> str:
    """Where the money is: the drawer (Kas), the bank, or — for an SHU payout into savings — SHU."""
    return {"cash": KAS, "transfer": BANK, "shu": SHU}[method]


def post_saving(saving, member, user):
    """A deposit credits the savings account; a withdrawal debits it."""
    account, money = SAVINGS_ACCOUNTS[saving.kind], money_account(saving.method)
    debit, credit = (money, account) if saving.direction == "setor" else (account, money)
    verb = "Setoran" if saving.direction == "setor" else "Penarikan"
    return acts.post_transfer(source="simpanan", uuid=saving.uuid, business_date=saving.business_date,
                              debit=debit, credit=credit, amount=saving.amount, doc_no=saving.doc_no, user=user,
                              party="anggota",
                              description=f"{verb} {LABELS[saving.kind].lower()} {member.number} {member.name}")


def post_repayment(move, member, user):
    return acts.post_transfer(source="kasbon", uuid=move.uuid, business_date=move.business_date,
                              debit=money_account(move.method), credit=PIUTANG_ANGGOTA, amount=move.amount,
                              doc_no=move.doc_no, user=user, party="anggota",
                              description=f"Pembayaran kasbon {member.number} {member.name}")
