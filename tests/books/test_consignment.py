"""Consignment (titip jual): the producer's goods are sold but never the koperasi's inventory; the
sale splits the producer's share from the commission; a settlement pays it with a printed nota."""
import io
from datetime import date, datetime

import pypdf
import pytest
import sqlalchemy as sa

from posapp.auth.approval import Approval
from posapp.catalog.models import Product, StockMove
from posapp.catalog.valuation import total as stock_value
from posapp.extensions import db
from posapp.ledger.balances import account_balance, kas_balance
from posapp.ledger.models import JournalEntry
from posapp.purchasing import consignment, consignment_acts
from posapp.purchasing.models import Purchase
from posapp.purchasing.rules import PurchaseRefused
from posapp.sales import refunds
from posapp.till import shifts
from tests.books.helpers import buy, consign, sell

UTANG_KONSINYASI, KOMISI, PENJUALAN, PERSEDIAAN = "2202", "4103", "4101", "1301"


def sale_lines(sale):
    entry = db.session.scalar(sa.select(JournalEntry).where(JournalEntry.source_uuid == sale.uuid))
    return {(x.account_code, x.debit, x.credit) for x in entry.lines}


@pytest.fixture
def shop_goods(users, empty_product, make_supplier, frozen_clock):
    """Madu on commission (15 %), keripik at an agreed 17.000 to the producer, own kopi bought at 26.000."""
    manajer = users["manajer"]
    madu = empty_product(name="Madu Randu", price=20_000)
    keripik = empty_product(name="Keripik Tempe", price=20_000)
    kopi = empty_product(name="Kopi Dampit", price=35_000)
    producer = make_supplier("PP Nurul Jadid", "pesantren")
    consign(manajer, producer, [(madu, 12, 0, "15"), (keripik, 10, 17_000, None)])
    buy(manajer, [(kopi, 10, 26_000)])
    shifts.open_shift(users["kasir"], 0)
    db.session.commit()
    return madu, keripik, kopi, producer


def test_receiving_consigned_goods_posts_nothing_and_sets_the_terms(shop_goods):
    madu, keripik, kopi, producer = shop_goods
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id)).where(JournalEntry.source != "purchase")) == 0
    madu, keripik = db.session.get(Product, madu.id), db.session.get(Product, keripik.id)
    assert (madu.consignor_id, str(madu.consign_percent), madu.consign_price) == (producer.id, "15.00", None)
    assert (keripik.consign_price, madu.on_hand, keripik.on_hand) == (17_000, 12, 10)
    assert stock_value() == 260_000 == account_balance(PERSEDIAAN)  # the kopi only


def test_a_sale_splits_own_goods_from_the_producers_share(users, shop_goods):
    madu, keripik, kopi, _ = shop_goods
    sale = sell(users["kasir"], [(madu, 1), (keripik, 2), (kopi, 1)])
    # madu 20.000 at 15 %: 17.000 to the producer, 3.000 commission; keripik 2 × 17.000 owed, 6.000 commission
    assert sale_lines(sale) == {("1101", 95_000, 0), (PENJUALAN, 0, 35_000), (UTANG_KONSINYASI, 0, 51_000),
                                (KOMISI, 0, 9_000), ("5101", 26_000, 0), (PERSEDIAAN, 0, 26_000)}
    assert consignment.total_owed() == -account_balance(UTANG_KONSINYASI) == 51_000
    assert stock_value() == account_balance(PERSEDIAAN)


def test_a_refund_gives_the_share_and_the_commission_back(users, shop_goods):
    madu, keripik, _, _ = shop_goods
    sale = sell(users["kasir"], [(madu, 3)])
    line = sale.lines[0]
    refund, _ = refunds.refund(users["kasir"], "5d0e3c7b-1111-4aaa-8bbb-000000000001", sale.receipt_no, {line.id: 1},
                               approval=Approval("manajer", "222222"))
    db.session.commit()
    assert sale_lines(refund) == {("1101", 0, 20_000), (UTANG_KONSINYASI, 17_000, 0), (KOMISI, 3_000, 0)}
    assert consignment.total_owed() == -account_balance(UTANG_KONSINYASI) == 34_000
    assert db.session.get(Product, madu.id).on_hand == 10


def test_settlement_pays_what_was_sold_with_a_printed_nota(manajer_client, users, shop_goods, frozen_clock):
    madu, keripik, _, producer = shop_goods
    sell(users["kasir"], [(madu, 2), (keripik, 1)])
    consignment_acts.return_unsold(users["manajer"], producer, {keripik.id: 4})
    db.session.commit()
    frozen_clock(datetime(2026, 11, 30, 16))
    statement = consignment.statement(producer, date(2026, 11, 30))
    rows = {x["product"].name: (x["received"], x["sold"], x["returned"], x["on_hand"], x["owed"])
            for x in statement["lines"]}
    assert rows == {"Madu Randu": (12, 2, 0, 10, 34_000), "Keripik Tempe": (10, 1, 4, 5, 17_000)}
    response = manajer_client.post(f"/konsinyasi/{producer.id}/selesaikan", data={
        "sampai": "2026-11-30", "via": "cash", "doc_uuid": "5d0e3c7b-1111-4aaa-8bbb-0000000000aa"})
    assert response.status_code == 302
    assert account_balance(UTANG_KONSINYASI) == 0 and consignment.owed() == {producer.id: 0}
    assert kas_balance() == 60_000 - 260_000 - 51_000
    doc_no = response.location.rsplit("/", 1)[1]
    pdf = manajer_client.get(f"/pembelian/kertas/nota/{doc_no}.pdf")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
    assert "NOTA PENYELESAIAN" in text and "PP Nurul Jadid" in text and "51.000" in text
    again = manajer_client.post(f"/konsinyasi/{producer.id}/selesaikan", data={"sampai": "2026-11-30", "via": "cash"},
                                follow_redirects=True)
    assert "Akhir periode antara 01-12-2026" in again.get_data(as_text=True)


def test_returning_more_than_is_on_the_shelf_is_refused(users, shop_goods):
    _, keripik, _, producer = shop_goods
    with pytest.raises(PurchaseRefused, match="stok titipan 10"):
        consignment_acts.return_unsold(users["manajer"], producer, {keripik.id: 11})
    db.session.rollback()
    moves = db.session.scalars(sa.select(StockMove).where(StockMove.product_id == keripik.id)).all()
    assert [(m.kind, m.qty, m.owner_id) for m in moves] == [("titip_in", 10, producer.id)]


def test_own_stock_cannot_become_consignment_nor_consigned_goods_a_purchase(users, shop_goods, make_supplier):
    madu, _, kopi, producer = shop_goods
    with pytest.raises(PurchaseRefused, match="stok milik koperasi"):
        consign(users["manajer"], producer, [(kopi, 5, 20_000, None)])
    db.session.rollback()
    with pytest.raises(PurchaseRefused, match="barang titipan"):
        buy(users["manajer"], [(madu, 5, 15_000)])
    db.session.rollback()
    with pytest.raises(PurchaseRefused, match="produsen lain"):
        consign(users["manajer"], make_supplier("Santri Kreatif", "santripreneur"), [(madu, 5, 15_000, None)])


def test_settlement_from_the_drawer_counts_in_the_shift(users, shop_goods):
    madu, _, _, producer = shop_goods
    shift = shifts.open_shift(users["manajer"], 100_000)
    sell(users["kasir"], [(madu, 1)])
    consignment_acts.settle(users["manajer"], producer, date(2026, 11, 24), "cash", from_drawer=True)
    db.session.commit()
    assert shifts.summary(shift)["cash_expected"] == 100_000 - 17_000


def test_the_pages_show_what_is_owed_and_take_a_consignment_receipt(manajer_client, users, shop_goods):
    madu, _, _, producer = shop_goods
    sell(users["kasir"], [(madu, 1)])
    listing = manajer_client.get("/konsinyasi").get_data(as_text=True)
    assert "PP Nurul Jadid" in listing and "Rp 17.000" in listing
    page = manajer_client.get(f"/konsinyasi/{producer.id}").get_data(as_text=True)
    assert "Madu Randu" in page and "komisi 15.00%" in page and 'id="due">Rp 17.000' in page
    draft = manajer_client.post("/pembelian/baru", data={"jenis": "consignment", "supplier_id": producer.id}).location
    manajer_client.post(draft, data={"supplier_id": producer.id, "code": madu.sku})
    editor = manajer_client.get(draft).get_data(as_text=True)
    assert "komisi (%)" in editor and "Madu Randu" in editor
    receipt = db.session.scalar(sa.select(Purchase).where(Purchase.kind == "consignment", Purchase.status == "posted"))
    shown = manajer_client.get(f"/pembelian/{receipt.id}").get_data(as_text=True)
    assert receipt.doc_no.startswith("TJ-") and "Komisi (%)" in shown and "17.000" in shown
    pdf = manajer_client.get(f"/pembelian/kertas/titipan/{receipt.doc_no}.pdf")
    assert pdf.status_code == 200 and "TITIPAN" in "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.data)).pages)
