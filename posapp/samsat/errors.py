"""How a quote fails before it becomes a bill (a refused bill is a bill, not an error), and counter refusals."""
from ..refusal import Refusal


class VehicleInputError(Refusal):
    """The vehicle facts are malformed; the Indonesian message names the input `field`."""


class RulesetError(ValueError):
    """A rule-set document is malformed, unknown, or no rule set covers a date."""


class SamsatRefused(Refusal):
    """A Samsat payment, settlement or deposit refused before anything is recorded."""


class AlreadyPaid(SamsatRefused):
    """The tax year was already paid by a payment that still stands: `holders` says when and where."""

    def __init__(self, message, holders=()):
        super().__init__(message, "plate")
        self.holders = list(holders)
