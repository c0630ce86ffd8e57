"""The two ways a quote can fail before it becomes a bill (a refusal is a bill, not an error)."""


class VehicleInputError(ValueError):
    """The vehicle facts are malformed; `message` is in Indonesian, `field` names the input field."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class RulesetError(ValueError):
    """A rule-set document is malformed, unknown, or no rule set covers a date."""
