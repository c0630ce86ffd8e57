"""Counter fixtures: a kasir with an open shift, the STNK form of a late Surabaya motorcycle, helpers."""
import re

import pytest

from posapp.extensions import db

# tax due 1 Nov 2026, paid 24 Nov 2026 (the frozen clock): 1 month late, every component non-zero
STNK = {"plate": "l 1234 ab", "owner_name": "Ahmad Fauzi", "brand": "Honda Beat", "vehicle_class": "motor",
        "cc": "125", "njkb": "15.000.000", "pkb_pokok": "", "ownership_order": "1", "tax_due": "2026-11-01",
        "stnk_valid_until": "2029-11-01", "chassis_no": "MH1JM1234KK56789"}
BILL_TOTAL = 344_788  # PKB 180.000 + opsen 118.800 + denda 1.800 + 1.188 + SWDKLLJ 35.000 + denda SW 8.000


@pytest.fixture
def counter_shift(kasir_client, frozen_clock):
    response = kasir_client.post("/shift/buka", data={"opening_cash": "100.000"})
    assert response.status_code == 302
    from posapp.till.models import Shift
    return db.session.scalar(db.select(Shift))


@pytest.fixture
def samsat_fee(app):
    from posapp.shop.service import save_settings

    def set_fee(amount):
        save_settings({"samsat_fee": amount})
        db.session.commit()
    return set_fee


def bill_uuid(response) -> str:
    match = re.search(r'name="uuid" value="([0-9a-f-]{36})"', response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)
    return match.group(1)


@pytest.fixture
def show_bill(kasir_client):
    """POST the STNK facts (overrides by keyword) and return the response."""
    def show(client=None, **fields):
        return (client or kasir_client).post("/samsat/tagihan", data={**STNK, **fields})
    return show


@pytest.fixture
def pay(kasir_client):
    """POST a payment of the bill `uuid` (cash, chassis 56789, KTP ticked unless overridden)."""
    def do(uuid, client=None, **fields):
        data = {"uuid": uuid, "chassis_check": "56789", "ktp_checked": "1", "method": "cash",
                "tendered": "400.000", **fields}
        return (client or kasir_client).post("/samsat/bayar", data={k: v for k, v in data.items() if v is not None})
    return do
