"""After the manager closes the day, the till refuses new acts on it with a clear message."""
import uuid

from posapp import clock
from posapp.extensions import db
from posapp.reports.day_close import close_day
from posapp.sales.models import Sale


def test_a_sale_on_a_closed_day_is_refused_and_nothing_is_saved(kasir_client, users, make_product, frozen_clock):
    product = make_product(price=10000)
    close_day(clock.today(), 0, users["manajer"])
    db.session.commit()
    response = kasir_client.post("/shift/buka", data={"opening_cash": "0"})
    if response.status_code == 302:  # the shift opened: the sale itself must be refused
        response = kasir_client.post("/kasir/api/jual", json={
            "uuid": str(uuid.uuid4()), "lines": [{"product_id": product.id, "qty": 1}],
            "payments": [{"method": "cash", "amount": 10000}]})
    assert response.status_code == 400
    assert "ditutup" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Sale)) == 0
