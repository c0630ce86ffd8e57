"""The two ways a quote can fail before it becomes a bill (a refused bill is a bill, not an error)."""
from ..refusal import Refusal


class VehicleInputError(Refusal):
    """The vehicle facts are malformed; the Indonesian message names the input `field`."""


class RulesetError(ValueError):
    """A rule-set document is malformed, unknown, or no rule set covers a date."""
