"""Books fixtures: suppliers, products with no stock yet, the day at 24 Nov 2026 10:00 WIB."""
import pytest

from posapp.extensions import db
from posapp.purchasing import suppliers


@pytest.fixture
def make_supplier(app, users):
    def make(name="CV Berkah Jaya", kind="pabrik", **fields):
        values = {"name": name, "kind": kind, "contact_person": "", "phone": "", "address": "", "bank_name": "",
                  "bank_account": "", "bank_holder": "", "note": ""}
        values.update(fields)
        supplier = suppliers.create(values, users["manajer"])
        db.session.commit()
        return supplier
    return make


@pytest.fixture
def empty_product(make_product, frozen_clock):
    def make(**fields):
        fields.setdefault("cost", 0)
        return make_product(stock=0, **fields)
    return make
