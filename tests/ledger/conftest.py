"""Ledger fixtures: a frozen business day, the accounts, and shortcuts to post acts."""
import uuid
from datetime import date, datetime

import pytest

from posapp.extensions import db
from posapp.ledger import accounts

DAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _all_feature_tables(app):
    """Every feature's tables (create_app registers all their models)."""
    db.create_all()


@pytest.fixture
def ledger(app, shop, frozen_clock):
    """The chart seeded and the clock at 24 Nov 2026 10:00 WIB."""
    accounts.ensure_accounts()
    db.session.commit()
    return frozen_clock


@pytest.fixture
def post(ledger):
    """post("sale", cash=…, …): one act through the public acts API, on DAY unless told."""
    from posapp.ledger import acts
    functions = {"sale": acts.post_sale, "refund": acts.post_refund, "samsat": acts.post_samsat_payment,
                 "setoran": acts.post_setoran, "difference": acts.post_cash_difference}

    def do(kind, **values):
        values.setdefault("uuid", str(uuid.uuid4()))
        values.setdefault("business_date", DAY)
        values.setdefault("user", "kasir")
        return functions[kind](**values)
    return do


def at(hour, minute=0, day=DAY):
    return datetime(day.year, day.month, day.day, hour, minute)
