"""SHU: the year's result from the books, pools by the settings, shares by purchases and savings, payout."""
import json
import uuid
from datetime import date, datetime
from io import BytesIO

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from posapp.extensions import db
from posapp.ledger.balances import account_balance, kas_balance
from posapp.ledger.chart import CADANGAN, SHU, SIMPANAN_POKOK, SIMPANAN_SUKARELA, SIMPANAN_WAJIB
from posapp.ledger.closing import close_day
from posapp.members import savings
from posapp.members.settings import SHU_PARTS, clean_percentages
from posapp.shu import allocation, report


@given(shu=st.integers(-10_000_000, 10_000_000_000), weights=st.dictionaries(
    st.integers(1, 500), st.integers(0, 50_000_000), max_size=60))
def test_allocations_and_the_remainder_add_up_to_the_pools(shu, weights):
    pools = allocation.pools(shu, {"cadangan": "40", "jasa_usaha": "25", "jasa_modal": "20", "pengurus": "5",
                                   "karyawan": "5", "pendidikan": "2.5", "sosial": "2.5"})
    assert sum(pools.values()) == max(shu, 0) and all(v >= 0 for v in pools.values())
    shares = allocation.shares(pools["jasa_usaha"], weights)
    remainder = pools["jasa_usaha"] - sum(shares.values())
    assert remainder >= 0 and (not weights or not sum(weights.values()) or remainder < max(len(weights), 1))
    for key, weight in weights.items():  # rounded down: never more than the exact share
        assert shares[key] * sum(weights.values()) <= pools["jasa_usaha"] * weight or not sum(weights.values())


def test_percentages_must_sum_to_a_hundred():
    form = {f"shu_{k}": v for k, v in zip(SHU_PARTS, ("40", "25", "20", "5", "5", "2,5", "2.5"))}
    assert clean_percentages(form)["pendidikan"] == "2.5"
    import pytest

    from posapp.members.rules import MemberRefused
    with pytest.raises(MemberRefused, match="100 %"):
        clean_percentages({**form, "shu_sosial": "3"})


def _deposit(client, member, **form):
    assert client.post(f"/anggota/{member.id}/simpanan", json={"uuid": str(uuid.uuid4()), **form}).status_code == 200


def test_shu_of_the_year_shared_by_purchases_and_savings(sell, make_product, make_member, kasir_client,
                                                          manajer_client, runner, frozen_clock, users):
    frozen_clock(datetime(2026, 12, 30, 9, 0))
    kasir_client.post("/shift/tutup", data={"counted_cash": "200.000"})
    kasir_client.post("/shift/buka", data={"opening_cash": "0"})
    ani, budi, cici = (make_member(n, joined_on="2026-01-05") for n in ("Ani", "Budi", "Cici"))
    product = make_product(price=100_000, member_price=100_000, cost=60_000, stock=100)
    sell([(product, 3)], cash=300_000, member_id=ani.id)
    sold = sell([(product, 2)], cash=200_000, member_id=budi.id).get_json()
    sell([(product, 1)], cash=100_000)  # not a member: counts for the SHU, not for anyone's share
    line = db.session.scalar(db.select(db.text("id FROM sale_line ORDER BY id LIMIT 1 OFFSET 1")))
    kasir_client.post("/retur", data={"no": sold["receipt_no"], "uuid": str(uuid.uuid4()), f"qty-{line}": "1",
                                      "approver": "manajer", "pin": "222222"})
    _deposit(kasir_client, ani, kind="pokok")
    _deposit(kasir_client, budi, kind="pokok")
    _deposit(kasir_client, budi, kind="wajib", months=12)
    figures = report.compute(2026)
    # sales 600.000 − refund 100.000 − cost (6 − 1) × 60.000 = 200.000
    assert (figures["shu"], figures["provisional"]) == (200_000, True)
    assert (figures["pool_usaha"], figures["pool_modal"]) == (50_000, 40_000)
    rows = {r["name"]: r for r in figures["members"]}
    assert (rows["Ani"]["purchases"], rows["Budi"]["purchases"], rows["Cici"]["purchases"]) == (300_000, 100_000, 0)
    assert (rows["Ani"]["jasa_usaha"], rows["Budi"]["jasa_usaha"]) == (37_500, 12_500)
    assert (rows["Ani"]["savings"], rows["Budi"]["savings"]) == (100_000, 220_000)
    assert (rows["Ani"]["jasa_modal"], rows["Budi"]["jasa_modal"]) == (12_500, 27_500)
    assert figures["remainder"] == 0 and rows["Cici"]["total"] == 0

    result = runner.invoke(args=["anggota", "shu", "--year", "2026"])
    printed = json.loads(result.output)
    assert list(printed) == ["year", "provisional", "shu", "pool_usaha", "pool_modal", "members", "remainder"]
    assert list(printed["members"][0]) == ["no", "name", "purchases", "savings", "jasa_usaha", "jasa_modal", "total"]
    assert printed["provisional"] is True and printed["members"][0]["total"] == 50_000

    refused = manajer_client.post("/shu/2026/bagikan", data={"method": "sukarela"})
    assert refused.status_code == 302 and db.session.scalar(db.select(db.text("count(*) FROM shu_payout"))) == 0
    kasir_client.post("/shift/tutup", data={"counted_cash": str(kas_balance())})
    frozen_clock(datetime(2027, 1, 3, 9, 0))
    close_day(date(2026, 12, 31), kas_balance(), users["manajer"])
    db.session.commit()
    assert report.compute(2026)["provisional"] is True  # every day closed, the year's books not yet
    assert manajer_client.post("/buku/tutup-bulan", data={"bulan": "2026-12"}).status_code == 302
    assert manajer_client.post("/buku/tutup-tahun", data={"tahun": "2026"}).status_code == 302
    assert account_balance(SHU) == -200_000  # the year's result, closed into SHU belum dibagi
    assert report.compute(2026)["provisional"] is False
    assert manajer_client.post("/shu/2026/bagikan", data={"method": "sukarela"}).status_code == 302
    assert savings.balances(ani.id)["sukarela"] == 50_000 and savings.balances(budi.id)["sukarela"] == 40_000
    assert -account_balance(SIMPANAN_SUKARELA) == 90_000 and -account_balance(CADANGAN) == 80_000
    assert account_balance(SHU) == -30_000  # 170.000 paid out; the funds' shares stay until the RAT books them
    total = sum(r["total"] for r in savings.all_balances().values())
    assert total == -(account_balance(SIMPANAN_POKOK) + account_balance(SIMPANAN_WAJIB)
                      + account_balance(SIMPANAN_SUKARELA))
    assert report.compute(2026)["shu"] == 200_000  # the payout is not part of the year's result
    again = manajer_client.post("/shu/2026/bagikan", data={"method": "cash"}, follow_redirects=True)
    assert "sudah dibagikan" in again.get_data(as_text=True)

    sheet = load_workbook(BytesIO(manajer_client.get("/shu/2026.xlsx").data)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "Ani" in values and 37_500 in values and sheet.freeze_panes
    text = PdfReader(BytesIO(manajer_client.get("/shu/2026.pdf").data)).pages[0].extract_text()
    assert "Pembagian SHU tahun 2026" in text and "37.500" in text and "FINAL" in text
    assert "Ani" in manajer_client.get("/shu?tahun=2026").get_data(as_text=True)
