"""The common shape of a business refusal (pure: no Flask, no database)."""


class Refusal(ValueError):
    """An act refused with an Indonesian message for the person at the screen and the field it concerns.

    Views catch Refusal, roll back and show the message: nothing of the act is saved.
    """

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field
