"""Member fixtures: the kasir's open shift and `sell` (from the sales tests), a member with a limit."""
import pytest

from posapp.extensions import db
from tests.sales.conftest import kasir_shift, sell  # noqa: F401 - fixtures shared with the sales tests


@pytest.fixture
def member(make_member):
    return make_member("Siti Aminah", credit_limit=100_000)


@pytest.fixture
def balance():
    """balance(code): Σ debit − Σ credit of an account now."""
    from posapp.ledger.balances import account_balance

    def read(code):
        db.session.expire_all()
        return account_balance(code)
    return read
