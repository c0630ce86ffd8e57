"""The common shape of a business refusal (pure: no Flask, no database)."""


class Refusal(ValueError):
    """An act refused with an Indonesian message for the person at the screen and the field it concerns.

    The transaction edge (posapp.edge) rolls the act back and shows the message: nothing of the act is
    saved — except what `keep` writes after the rollback (a failed PIN's count and its audit entry).
    `status` is the HTTP status a JSON answer gets.
    """

    status = 400

    def __init__(self, message, field=None, *, keep=None):
        super().__init__(message)
        self.field = field
        self.keep = keep

    @property
    def message(self) -> str:
        return str(self)
