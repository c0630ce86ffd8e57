"""Completing sales through the JSON endpoint: one transaction, idempotent, priced by the server."""
import uuid

from posapp.catalog.stock import on_hand
from posapp.extensions import db
from posapp.sales.models import Payment, Sale, SaleLine
from posapp.wire.models import Outbox


def count(model):
    query = db.select(db.func.count()).select_from(model)
    if model is Outbox:  # the ledger queues its journal entries too
        query = query.where(Outbox.kind == "sale")
    return db.session.scalar(query)


def test_cash_sale_records_everything_and_answers_change(sell, make_product):
    a, b = make_product(price=35000, cost=26000), make_product(price=4000, cost=2300)
    response = sell([(a, 1), (b, 2)], cash=50000)
    data = response.get_json()
    assert response.status_code == 200, data
    assert (data["total"], data["change"]) == (43000, 7000)
    assert data["receipt_no"] == "KOP01-20261124-0001"
    sale = db.session.scalar(db.select(Sale))
    assert [(line.qty, line.unit_price, line.unit_cost) for line in sale.lines] == [(1, 35000, 26000), (2, 4000, 2300)]
    assert [(p.method, p.amount, p.tendered) for p in sale.payments] == [("cash", 43000, 50000)]
    assert (on_hand(a.id), on_hand(b.id)) == (9, 8)
    row = db.session.scalar(db.select(Outbox).where(Outbox.kind == "sale"))
    assert (row.kind, row.uuid, row.acked_at) == ("sale", sale.uuid, None)
    import hashlib
    import json
    assert row.sha256 == hashlib.sha256(row.payload.encode()).hexdigest()
    assert json.loads(row.payload)["receipt_no"] == "KOP01-20261124-0001"


def test_receipt_numbers_are_sequential_per_day(sell, make_product, frozen_clock):
    p = make_product()
    numbers = [sell([(p, 1)], cash=10000).get_json()["receipt_no"] for _ in range(2)]
    frozen_clock(__import__("datetime").datetime(2026, 11, 25, 8, 0))
    numbers.append(sell([(p, 1)], cash=10000).get_json()["receipt_no"])
    assert numbers == ["KOP01-20261124-0001", "KOP01-20261124-0002", "KOP01-20261125-0001"]


def test_double_submit_records_one_sale(sell, make_product):
    p = make_product()
    sale_uuid = str(uuid.uuid4())
    first = sell([(p, 2)], cash=50000, sale_uuid=sale_uuid).get_json()
    second = sell([(p, 2)], cash=50000, sale_uuid=sale_uuid).get_json()
    assert second["replayed"] is True
    assert second["receipt_no"] == first["receipt_no"] and second["change"] == first["change"] == 30000
    assert (count(Sale), count(Outbox), on_hand(p.id)) == (1, 1, 8)


def test_same_uuid_with_another_cart_is_refused(sell, make_product):
    p = make_product()
    sale_uuid = str(uuid.uuid4())
    sell([(p, 1)], cash=10000, sale_uuid=sale_uuid)
    response = sell([(p, 5)], cash=50000, sale_uuid=sale_uuid)
    assert response.status_code == 409
    assert count(Sale) == 1 and on_hand(p.id) == 9


def test_client_totals_are_ignored_and_member_price_applies(sell, make_product, make_member):
    p = make_product(price=10000, member_price=9000)
    member = make_member()
    data = sell([(p, 2, {"total": 1})], cash=18000, member_id=member.id, total=5).get_json()
    assert data["total"] == 18000 and data["change"] == 0


def test_underpaid_sale_is_refused_and_changes_nothing(sell, make_product):
    p = make_product()
    response = sell([(p, 2)], cash=19000)
    assert response.status_code == 400
    assert "kurang Rp 1.000" in response.get_json()["error"]
    assert count(Sale) == 0 and on_hand(p.id) == 10 and count(Outbox) == 0


def test_bad_input_changes_nothing(sell, make_product):
    p = make_product()
    bad = [sell([(p, 0)], cash=10000), sell([(p, 100000)], cash=10000),
           sell([(p, 1)], cash=1_000_000_001), sell([], cash=10000),
           sell([(p, 1)], cash=10000, sale_uuid="bukan-uuid")]
    assert [r.status_code for r in bad] == [400] * 5
    assert all(r.get_json()["error"] for r in bad)
    assert count(Sale) == 0 and on_hand(p.id) == 10


def test_split_payment_with_reference(sell, make_product):
    p = make_product(price=100000)
    data = sell([(p, 1)], payments=[{"method": "qris", "amount": 60000, "reference": "QR-1"},
                                    {"method": "cash", "amount": 50000}]).get_json()
    assert data["change"] == 10000
    assert [(p["method"], p["amount"]) for p in data["payments"]] == [("qris", 60000), ("cash", 40000)]


def test_sale_without_open_shift_is_refused(kasir_client, make_product, frozen_clock):
    p = make_product()
    body = {"uuid": str(uuid.uuid4()), "lines": [{"product_id": p.id, "qty": 1}],
            "payments": [{"method": "cash", "amount": 10000}]}
    response = kasir_client.post("/kasir/api/jual", json=body)
    assert response.status_code == 400 and response.get_json()["error"] == "Buka shift dulu."


def test_discount_over_limit_needs_the_managers_pin(sell, make_product, users):
    p = make_product(price=10000)
    line = [(p, 1, {"discount": "20%"})]
    refused = sell(line, cash=8000)
    assert refused.status_code == 403 and refused.get_json()["needs_approval"]
    wrong = sell(line, cash=8000, approver="manajer", pin="000000")
    assert wrong.status_code == 403 and count(Sale) == 0
    ok = sell(line, cash=8000, approver="manajer", pin="222222")
    assert ok.status_code == 200 and ok.get_json()["total"] == 8000
    sale = db.session.scalar(db.select(Sale))
    assert sale.approved_by.username == "manajer"
    from posapp.audit.models import AuditEntry
    actions = db.session.scalars(db.select(AuditEntry.action)).all()
    assert "approval.sale.discount" in actions and "approval.failed" in actions


def test_discount_within_limit_and_price_override(sell, make_product):
    p = make_product(price=10000)
    assert sell([(p, 1, {"discount": "10%"})], cash=9000).status_code == 200
    assert sell([(p, 1, {"price": 7000})], cash=7000).status_code == 403
    line = db.session.scalar(db.select(SaleLine))
    assert line.discount == 1000


def test_negative_stock_warns_or_is_forbidden(sell, make_product):
    from posapp.shop.service import save_settings
    p = make_product(stock=1, name="Madu")
    data = sell([(p, 2)], cash=20000).get_json()
    assert data["warnings"] and "Madu" in data["warnings"][0]
    save_settings({"allow_negative_stock": False})
    db.session.commit()
    response = sell([(p, 1)], cash=10000)
    assert response.status_code == 400 and "Stok Madu tidak cukup" in response.get_json()["error"]


def test_scan_and_search(kasir_client, make_product):
    p = make_product(name="Kopi Robusta Dampit")
    assert kasir_client.get(f"/kasir/api/scan/{p.barcode}").get_json()["id"] == p.id
    unknown = kasir_client.get("/kasir/api/scan/8990000000000")
    assert unknown.status_code == 404 and "tidak dikenal" in unknown.get_json()["error"]
    assert [x["id"] for x in kasir_client.get("/kasir/api/cari?q=robusta").get_json()["products"]] == [p.id]


def test_screen_asks_for_a_shift_first(kasir_client):
    assert "Buka shift dulu" in kasir_client.get("/kasir").get_data(as_text=True)


def test_print_failure_never_loses_the_sale(sell, make_product):
    data = sell([(make_product(), 1)], cash=10000).get_json()
    assert data["print"]["ok"] in (True, False)
    assert count(Sale) == 1 and count(Payment) == 1
