"""Where other features plug into a sale's transaction: the ledger posts, Samsat reports its money.

Each hook runs inside the caller's transaction (flush only). Until the ledger exists the posting
hooks do nothing; once `posapp/ledger/service.py` offers the function named below, it is called —
the ledger engineer only has to provide `post_sale(sale)`, `post_refund(refund)` and
`post_cash_difference(shift)` there (journal entries for sale, refund/void, cash over/short).
"""
from functools import cache
from importlib import import_module
from importlib.util import find_spec


@cache
def _optional(module: str, name: str):
    """`posapp.<module>.<name>` when that feature has it, else None."""
    full = f"posapp.{module}"
    try:
        if find_spec(full.rsplit(".", 1)[0]) is None or find_spec(full) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(import_module(full), name, None)


def post_sale(sale) -> None:
    """LEDGER HOOK: Dr Kas/Bank, Cr Penjualan; Dr HPP, Cr Persediaan (ledger.md)."""
    post = _optional("ledger.service", "post_sale")
    if post is not None:
        post(sale)


def post_refund(refund) -> None:
    """LEDGER HOOK: the reverse of the sale through Retur penjualan; stock back at cost."""
    post = _optional("ledger.service", "post_refund")
    if post is not None:
        post(refund)


def post_cash_difference(shift) -> None:
    """LEDGER HOOK: cash short/over at shift close (Selisih kas vs Kas)."""
    post = _optional("ledger.service", "post_cash_difference")
    if post is not None and shift.difference:
        post(shift)


def samsat_totals(shift):
    """Samsat money taken in this shift, kept apart from shop money in the X/Z reports.

    Expects `posapp.samsat.service.shift_totals(shift)` → {"count", "tax", "fee", "cash", ...};
    None while the Samsat counter does not offer it.
    """
    totals = _optional("samsat.service", "shift_totals")
    return totals(shift) if totals is not None else None
