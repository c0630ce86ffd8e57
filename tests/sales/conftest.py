"""Sales fixtures: an open shift for the kasir and a helper that completes a sale over JSON."""
import uuid

import pytest

from posapp.extensions import db


@pytest.fixture
def kasir_shift(kasir_client, frozen_clock):
    response = kasir_client.post("/shift/buka", data={"opening_cash": "200.000"})
    assert response.status_code == 302
    from posapp.till.models import Shift
    return db.session.scalar(db.select(Shift))


@pytest.fixture
def sell(kasir_client, kasir_shift):
    """sell([(product, qty), ...], cash=…) → the JSON response of "Bayar"."""
    def do(lines, cash=None, payments=None, client=None, sale_uuid=None, member=False, **extra):
        body = {"uuid": sale_uuid or str(uuid.uuid4()), "member": member,
                "lines": [{"product_id": p.id, "qty": q, **kw} for p, q, *rest in lines for kw in [rest[0] if rest else {}]],
                "payments": payments if payments is not None else [{"method": "cash", "amount": cash}]}
        body.update(extra)
        return (client or kasir_client).post("/kasir/api/jual", json=body)
    return do
