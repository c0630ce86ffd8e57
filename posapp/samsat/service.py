"""The Samsat counter's public functions for other features (sales X/Z reports, ledger, sync client).

posapp.sales.hooks looks for `shift_totals`, posapp.ledger.reports for `confirmed_total`; the sync client
calls `mark_sent` and `apply_confirmation`.
"""
from .counter import CounterError, fee, price, take_payment  # noqa: F401
from .payments import (apply_confirmation, apply_hub_verdict, confirmed_total, mark_sent,  # noqa: F401
                       record_setoran, shift_totals)
