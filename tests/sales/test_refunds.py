"""Refunds and voids: manager PIN, never more than sold, stock back, originals untouched."""
import uuid

from posapp.catalog.stock import on_hand
from posapp.extensions import db
from posapp.sales.models import Sale, SaleLine


def _sold(sell, make_product):
    a, b = make_product(price=10000), make_product(price=5000)
    data = sell([(a, 3), (b, 1)], cash=35000).get_json()
    sale = db.session.scalar(db.select(Sale).where(Sale.receipt_no == data["receipt_no"]))
    return sale, a, b


def _refund(client, sale, quantities, pin="222222", action="refund", refund_uuid=None):
    form = {"no": sale.receipt_no, "uuid": refund_uuid or str(uuid.uuid4()), "action": action,
            "approver": "manajer", "note": "rusak"}
    if pin:
        form["pin"] = pin
    form.update({f"qty-{line.id}": str(qty) for line, qty in quantities})
    return client.post("/retur", data=form)


def test_refund_one_line_with_the_managers_pin(kasir_client, sell, make_product):
    sale, a, _ = _sold(sell, make_product)
    response = _refund(kasir_client, sale, [(sale.lines[0], 1)])
    assert response.status_code == 302, response.get_data(as_text=True)
    refund = db.session.scalar(db.select(Sale).where(Sale.kind == "refund"))
    assert (refund.original_id, refund.total, refund.approved_by.username) == (sale.id, 10000, "manajer")
    assert refund.receipt_no == "KOP01-20261124-0002"
    assert on_hand(a.id) == 8  # 10 − 3 sold + 1 back
    db.session.refresh(sale)
    assert sale.total == 30000 + 5000 and [line.qty for line in sale.lines] == [3, 1]  # original untouched


def test_kasir_cannot_refund_without_a_pin(kasir_client, sell, make_product):
    sale, a, _ = _sold(sell, make_product)
    response = _refund(kasir_client, sale, [(sale.lines[0], 1)], pin=None)
    assert response.status_code == 400
    assert "PIN manajer" in response.get_data(as_text=True) or "persetujuan manajer" in response.get_data(as_text=True)
    wrong = _refund(kasir_client, sale, [(sale.lines[0], 1)], pin="999999")
    assert wrong.status_code == 400 and "PIN manajer salah" in wrong.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Sale).where(Sale.kind != "sale")) == 0
    assert on_hand(a.id) == 7


def test_refund_cannot_exceed_what_was_sold(kasir_client, sell, make_product):
    sale, a, _ = _sold(sell, make_product)
    line = sale.lines[0]
    assert _refund(kasir_client, sale, [(line, 4)]).status_code == 400
    assert _refund(kasir_client, sale, [(line, 2)]).status_code == 302
    again = _refund(kasir_client, sale, [(line, 2)])
    assert again.status_code == 400 and "melebihi" in again.get_data(as_text=True)
    assert _refund(kasir_client, sale, [(line, 1)]).status_code == 302
    refunded = db.session.scalar(db.select(db.func.sum(SaleLine.qty)).where(SaleLine.original_line_id == line.id))
    total = db.session.scalar(db.select(db.func.sum(Sale.total)).where(Sale.kind == "refund"))
    assert (refunded, total, on_hand(a.id)) == (3, 30000, 10)


def test_replayed_refund_is_recorded_once(kasir_client, sell, make_product):
    sale, a, _ = _sold(sell, make_product)
    refund_uuid = str(uuid.uuid4())
    for _ in range(2):
        assert _refund(kasir_client, sale, [(sale.lines[0], 1)], refund_uuid=refund_uuid).status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(Sale).where(Sale.kind == "refund")) == 1
    assert on_hand(a.id) == 8


def test_void_returns_everything_once(kasir_client, sell, make_product):
    sale, a, b = _sold(sell, make_product)
    assert _refund(kasir_client, sale, [], action="void").status_code == 302
    void = db.session.scalar(db.select(Sale).where(Sale.kind == "void"))
    assert void.total == sale.total and [(p.method, p.amount) for p in void.payments] == [("cash", 35000)]
    assert (on_hand(a.id), on_hand(b.id)) == (10, 10)
    assert _refund(kasir_client, sale, [], action="void").status_code == 400
    assert _refund(kasir_client, sale, [(sale.lines[1], 1)]).status_code == 400


def test_unknown_receipt_number_is_a_clear_message(kasir_client, kasir_shift):
    response = kasir_client.get("/retur?no=KOP01-20261124-9999")
    assert "tidak ditemukan" in response.get_data(as_text=True)


def test_refund_and_void_are_audited(kasir_client, sell, make_product):
    from posapp.audit.models import AuditEntry
    sale, _, _ = _sold(sell, make_product)
    _refund(kasir_client, sale, [(sale.lines[1], 1)])
    actions = db.session.scalars(db.select(AuditEntry.action)).all()
    assert "sale.refund" in actions and "approval.sale.refund" in actions
