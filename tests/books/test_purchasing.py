"""Purchases and suppliers: the draft editor like the till, posting, credit and debts, payments, returns."""
from datetime import date

import pypdf
import pytest
import sqlalchemy as sa
import io

from posapp.catalog.models import Product
from posapp.catalog.valuation import total as stock_value
from posapp.database import new_uuid
from posapp.extensions import db
from posapp.ledger.balances import account_balance, kas_balance
from posapp.ledger.models import JournalEntry
from posapp.purchasing import debts, returns
from posapp.purchasing.models import Purchase, Supplier
from posapp.purchasing.rules import PurchaseRefused
from posapp.till import shifts
from posapp.wire.models import Outbox
from tests.books.helpers import buy

PERSEDIAAN, UTANG = "1301", "2201"


def entry_lines(source):
    entry = db.session.scalar(sa.select(JournalEntry).where(JournalEntry.source == source).order_by(JournalEntry.id.desc()))
    return {(x.account_code, x.debit, x.credit) for x in entry.lines}


def test_supplier_pages_validate_and_save(manajer_client, users):
    bad = manajer_client.post("/pemasok/baru", data={"name": "X", "kind": "?", "bank_account": "12a"})
    assert bad.status_code == 400
    html = bad.get_data(as_text=True)
    assert "minimal 2 huruf" in html and "Pilih jenis" in html and "hanya angka" in html
    ok = manajer_client.post("/pemasok/baru", data={"name": "PP Sidogiri Unit Usaha", "kind": "pesantren",
                                                     "bank_name": "BSI", "bank_account": "7123-456"})
    assert ok.status_code == 302
    supplier = db.session.scalar(sa.select(Supplier))
    assert supplier.kind_label == "Produsen pesantren" and supplier.bank_account == "7123-456"
    again = manajer_client.post("/pemasok/baru", data={"name": "pp sidogiri unit usaha", "kind": "pabrik"})
    assert again.status_code == 400 and "Sudah ada pemasok" in again.get_data(as_text=True)
    assert "PP Sidogiri" in manajer_client.get("/pemasok").get_data(as_text=True)


def test_kasir_cannot_open_purchasing(kasir_client):
    for url in ("/pemasok", "/pembelian", "/pembelian/utang", "/pembelian/baru", "/pembelian/stok-menipis"):
        assert kasir_client.get(url).status_code == 403, url


def _draft(client, supplier=None):
    response = client.post("/pembelian/baru", data={"jenis": "purchase", "supplier_id": getattr(supplier, "id", "")})
    return response.location


def test_the_draft_is_filled_by_scanning_and_searching_then_posted_once(manajer_client, empty_product, make_supplier):
    kopi = empty_product(name="Kopi Dampit", barcode="8992761111113", cost=25_000)
    teh = empty_product(name="Teh Rosella")
    supplier = make_supplier()
    url = _draft(manajer_client, supplier)
    base = {"supplier_id": supplier.id, "payment": "cash"}
    manajer_client.post(url, data={**base, "code": "8992761111113"})
    manajer_client.post(url, data={**base, "code": "8992761111113"})  # a second scan: qty 2
    unknown = manajer_client.post(url, data={**base, "code": "0000"})
    assert unknown.status_code == 400 and "tidak dikenal" in unknown.get_data(as_text=True)
    found = manajer_client.post(url, data={**base, "cari": "rosella"})
    assert "cari=rosella" in found.location
    assert "Teh Rosella" in manajer_client.get(found.location).get_data(as_text=True)
    manajer_client.post(url, data={**base, "add": str(teh.id)})
    purchase = db.session.scalar(sa.select(Purchase))
    lines = {line.product_id: line for line in purchase.lines}
    assert lines[kopi.id].qty == 2 and lines[kopi.id].unit_cost == 25_000 and lines[teh.id].qty == 1
    form = {**base, f"qty_{lines[kopi.id].id}": "24", f"cost_{lines[kopi.id].id}": "26.000",
            f"qty_{lines[teh.id].id}": "10", f"cost_{lines[teh.id].id}": "9.500", "invoice_no": "F-881"}
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id))) == 0  # a draft posts nothing
    posted = manajer_client.post(url, data={**form, "action": "post"})
    assert posted.status_code == 302
    purchase = db.session.get(Purchase, purchase.id)
    assert purchase.status == "posted" and purchase.doc_no == "PB-20261124-0001" and purchase.total == 719_000
    assert entry_lines("purchase") == {(PERSEDIAAN, 719_000, 0), ("1101", 0, 719_000)}
    assert db.session.get(Product, kopi.id).on_hand == 24 and db.session.get(Product, kopi.id).cost == 26_000
    assert db.session.scalar(sa.select(Outbox.kind).where(Outbox.uuid == purchase.uuid)) == "purchase"
    again = manajer_client.post(url, data={**form, "action": "post"}, follow_redirects=True)
    assert "sudah diposting" in again.get_data(as_text=True)
    assert db.session.get(Product, kopi.id).on_hand == 24 and stock_value() == account_balance(PERSEDIAAN)


def test_a_quantity_of_zero_removes_the_line(manajer_client, empty_product):
    product = empty_product()
    url = _draft(manajer_client)
    manajer_client.post(url, data={"payment": "cash", "code": product.sku})
    line = db.session.scalar(sa.select(Purchase)).lines[0]
    manajer_client.post(url, data={"payment": "cash", f"qty_{line.id}": "0", "action": "save"})
    assert db.session.scalar(sa.select(Purchase)).lines == []
    empty = manajer_client.post(url, data={"payment": "cash", "action": "post"})
    assert empty.status_code == 400 and "belum punya baris" in empty.get_data(as_text=True)


def test_credit_needs_a_supplier_and_a_due_date(users, empty_product, make_supplier):
    product = empty_product()
    with pytest.raises(PurchaseRefused, match="atas nama pemasok"):
        buy(users["manajer"], [(product, 5, 1_000)], payment="credit", due_date=date(2026, 12, 24))
    db.session.rollback()
    with pytest.raises(PurchaseRefused, match="jatuh tempo"):
        buy(users["manajer"], [(product, 5, 1_000)], supplier=make_supplier(), payment="credit")
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id))) == 0 and product.on_hand == 0


def test_debts_by_due_date_paid_in_parts_equal_utang_usaha(manajer_client, users, empty_product, make_supplier):
    manajer, product = users["manajer"], empty_product()
    cv, pp = make_supplier("CV Berkah"), make_supplier("PP Lirboyo", "pesantren")
    late = buy(manajer, [(product, 10, 20_000)], supplier=cv, payment="credit", due_date=date(2026, 12, 1))
    early = buy(manajer, [(product, 4, 20_000)], supplier=pp, payment="credit", due_date=date(2026, 11, 30))
    assert entry_lines("purchase") == {(PERSEDIAAN, 80_000, 0), (UTANG, 0, 80_000)}
    assert [p.id for p, _ in debts.open_invoices()] == [early.id, late.id]
    html = manajer_client.get("/pembelian/utang").get_data(as_text=True)
    assert html.index(early.doc_no) < html.index(late.doc_no) and "Rp 280.000" in html
    too_much = manajer_client.post(f"/pemasok/{cv.id}/bayar", data={"doc_uuid": new_uuid(), "via": "cash",
                                                                     f"bayar_{late.id}": "250.000"})
    assert too_much.status_code == 400 and "melebihi sisa utang" in too_much.get_data(as_text=True)
    form = {"doc_uuid": new_uuid(), "via": "bank", f"bayar_{late.id}": "150.000", "reference": "TRF 1"}
    assert manajer_client.post(f"/pemasok/{cv.id}/bayar", data=form).status_code == 302
    manajer_client.post(f"/pemasok/{cv.id}/bayar", data=form)  # the same form again: one payment
    assert entry_lines("supplier_payment") == {(UTANG, 150_000, 0), ("1102", 0, 150_000)}
    assert debts.open_of(late) == 50_000 and -account_balance(UTANG) == debts.total_open() == 130_000
    payment = db.session.scalar(sa.text("SELECT doc_no FROM supplier_payment"))
    pdf = manajer_client.get(f"/pembelian/kertas/bayar/{payment}.pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert pdf.status_code == 200 and payment in text and "150.000" in text


def test_purchase_return_at_invoice_cost_set_off_or_refunded(users, empty_product, make_supplier):
    manajer, product = users["manajer"], empty_product()
    supplier = make_supplier()
    credit = buy(manajer, [(product, 10, 7_000)], supplier=supplier, payment="credit", due_date=date(2026, 12, 24))
    buy(manajer, [(product, 10, 8_000)], supplier=supplier)  # the average is 7.500 now
    line = credit.lines[0]
    ret, _ = returns.return_goods(manajer, credit, {line.id: 4}, "credit")
    db.session.commit()
    assert ret.total == 28_000 and debts.open_of(credit) == 42_000 and -account_balance(UTANG) == 42_000
    assert (UTANG, 28_000, 0) in entry_lines("purchase_return")
    assert stock_value() == account_balance(PERSEDIAAN)
    with pytest.raises(PurchaseRefused, match="paling banyak 6"):
        returns.return_goods(manajer, credit, {line.id: 7}, "cash")
    db.session.rollback()
    returns.return_goods(manajer, credit, {line.id: 6}, "cash")
    db.session.commit()
    assert kas_balance() == -80_000 + 42_000 and stock_value() == account_balance(PERSEDIAAN)


def test_low_stock_becomes_a_draft_for_one_supplier(manajer_client, make_product, make_supplier):
    low = make_product(stock=2, min_stock=5)
    make_product(stock=50, min_stock=5)
    supplier = make_supplier()
    page = manajer_client.get("/pembelian/stok-menipis").get_data(as_text=True)
    assert low.name in page
    response = manajer_client.post("/pembelian/stok-menipis", data={"supplier_id": supplier.id, "produk": [low.id]})
    draft = db.session.scalar(sa.select(Purchase))
    assert response.status_code == 302 and draft.is_draft and draft.supplier_id == supplier.id
    assert [(line.product_id, line.qty) for line in draft.lines] == [(low.id, 8)]


def test_cash_from_the_drawer_counts_in_the_shift(users, empty_product, frozen_clock):
    manajer, product = users["manajer"], empty_product()
    shift = shifts.open_shift(manajer, 500_000)
    buy(manajer, [(product, 10, 12_000)], from_drawer=True)
    buy(manajer, [(product, 10, 12_000)])  # from the office cash: not this drawer
    assert shifts.summary(shift)["cash_expected"] == 500_000 - 120_000
