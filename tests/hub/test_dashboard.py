"""The province dashboard: Samsat OPOP per day and kabupaten/kota, quiet outlets, confirmations not yet
taken, selisih and refusals, curated products by pesantren; the totals page sums money per kind only."""
import re
from datetime import timedelta

from posapp import clock
from posapp.hub.extensions import db
from posapp.hub.confirm import vehicle_input
from posapp.hub.models import CuratedProduct, Koperasi, Vehicle
from posapp.money import format_rupiah as rupiah
from posapp.samsat.rules import compute_bill
from posapp.wire.client import HubClient

from .helpers import batch, body, record
from .test_admin_cli import _admin


def _curated(code, name, pesantren, price=10_000):
    db.session.add(CuratedProduct(code=code, name=name, pesantren=pesantren, recommended_price=price,
                                  category="Kopi", unit="pcs", version=1, active=True, feed_seq=0, updated_by="t",
                                  updated_at=clock.now()))


def _seed_catalogue(hub):
    def seed():
        _curated("OPOP-KOPI", "Kopi Tebuireng", "PP Tebuireng")
        _curated("OPOP-MADU", "Madu Sidogiri", "PP Sidogiri")
        _curated("OPOP-SABUN", "Sabun Santri", "PP Tebuireng")
        db.session.commit()
    hub(seed)


def _sale(seq, lines, kind="sale", day=None):
    lines = [{"sku": sku, "name": sku, "qty": qty, "total": total} for sku, qty, total in lines]
    return record(seq, kind=kind, total=sum(line["total"] for line in lines), lines=lines,
                  day=day or clock.today().isoformat())


def _samsat(seq, bill, fee=5_000, plate="L9999ZZ"):
    today = clock.today().isoformat()
    return record(seq, kind="samsat_payment", day=today, plate=plate, paid_on=today, fee=fee,
                  bill={**bill, "total": sum(bill.values())}, bill_total=sum(bill.values()),
                  total=sum(bill.values()) + fee)


def _register(hub, *plates) -> dict:
    """Motorcycles in the province's register, 20 days late: {plate: the hub's bill total today}."""
    def seed():
        for plate in plates:
            db.session.add(Vehicle(plate=plate, vehicle_class="motor", cc=125, njkb=18_000_000, ownership_order=1,
                                   tax_due=clock.today() - timedelta(days=20),
                                   stnk_valid_until=clock.today() + timedelta(days=900), blocked=False,
                                   public_transport=False, owner_name="Ahmad", chassis_no="MH1JM1234567ABCDE",
                                   brand="Honda Beat"))
        db.session.commit()
        return {plate: compute_bill(vehicle_input(db.session.get(Vehicle, plate)), None, clock.today()).total
                for plate in plates}
    return hub(seed)


def _second_shop(hub_server, make_koperasi, hub, regency):
    shop_id, code = make_koperasi("KOP02", "Kopontren Lirboyo")
    hub(lambda: (db.session.get(Koperasi, shop_id).__setattr__("regency", regency), db.session.commit()))
    enrolled = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    return HubClient(hub_server, enrolled["key_id"], enrolled["secret"])


def _cells(page, table_id):
    """The text of each row of one table (tags stripped, spaces folded)."""
    table = page.split(f'id="{table_id}"')[1].split("</table>")[0]
    body = table.split("<tbody>")[1]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr>")[1:]]


def test_dashboard_sums_samsat_per_kabupaten_and_lists_quiet_outlets(hub_app, hub, hub_key, hub_server,
                                                                     make_koperasi):
    bill = {"pkb": 150_000, "opsen_pkb": 99_000, "denda_pkb": 3_000, "denda_opsen_pkb": 2_000, "swdkllj": 35_000,
            "denda_swdkllj": 0}
    hub_totals = _register(hub, "L9999ZZ", "L8888ZZ")
    answer = hub_key.post("/sync/batches", body=body(batch(
        [_samsat(1, bill), _samsat(2, bill, fee=0, plate="L8888ZZ"), {**record(3), "sha256": "0" * 64}])))
    assert [r["code"] for r in answer["results"]["rejected"]] == ["bad_sha256"]
    kediri = _second_shop(hub_server, make_koperasi, hub, "Kediri")
    # a plate the province does not know: the payment is ditolak, its money is not the Samsat's
    kediri.post("/sync/batches", body=body(batch([_samsat(1, {"pkb": 100_000, "swdkllj": 20_000}, plate="W1ZZ")])))
    kediri.get("/ref/samsat/changes", {"since": 10_000})  # Kediri took its verdicts, Jombang did not yet

    def quiet():
        db.session.add(Koperasi(code="KOP03", name="Kopontren Tidur", regency="Kediri", last_seq=0,
                                last_sync_at=clock.now() - timedelta(hours=49)))
        db.session.commit()
    hub(quiet)
    page = _admin(hub_app, hub).get("/dasbor").get_data(as_text=True)
    rows = _cells(page, "per-regency")
    jombang = next(r for r in rows if r.startswith("Jombang"))
    kediri_row = next(r for r in rows if r.startswith("Kediri"))
    # outlets, quiet, payments, PKB + opsen (with denda), SWDKLLJ, fees, selisih (count · hub − shop), payments
    # ditolak, verdicts pending, records refused
    selisih = f"2 · {rupiah(sum(hub_totals.values()) - 2 * 289_000)}"
    assert jombang == f"Jombang 1 0 2 Rp 508.000 Rp 70.000 Rp 5.000 {selisih} 0 2 1"
    assert kediri_row == "Kediri 2 1 0 Rp 0 Rp 0 Rp 0 0 1 0 0"
    day = clock.today().strftime("%d-%m-%Y")
    assert f"{day} Jombang 2 Rp 508.000 Rp 70.000 Rp 5.000 {selisih} 0 2 1" in _cells(page, "per-day")
    assert any(r.startswith("KOP03 Kopontren Tidur Kediri") for r in _cells(page, "quiet"))
    assert 'src="/static/vendor/chartjs/chart.umd.min.js"' in page
    only_kediri = _admin_again(hub_app).get("/dasbor?kab=Kediri").get_data(as_text=True)
    assert [r.split(" ")[0] for r in _cells(only_kediri, "per-regency")] == ["Kediri"]


def _admin_again(hub_app):
    from .conftest import HUB_PASSWORD
    client = hub_app.test_client()
    client.post("/masuk", data={"username": "prov", "password": HUB_PASSWORD})
    return client


def test_curated_sales_net_of_refunds_rank_products_and_pesantren(hub_app, hub, hub_key):
    _seed_catalogue(hub)
    hub_key.post("/sync/batches", body=body(batch([
        _sale(1, [("OPOP-KOPI", 3, 45_000), ("OPOP-MADU", 1, 80_000), ("LOKAL-1", 9, 900_000)]),
        _sale(2, [("OPOP-KOPI", 2, 30_000), ("OPOP-SABUN", 4, 20_000)]),
        _sale(3, [("OPOP-MADU", 1, 80_000)], kind="refund")])))
    page = _admin(hub_app, hub).get("/dasbor").get_data(as_text=True)
    assert _cells(page, "top-products") == ["Kopi Tebuireng OPOP-KOPI PP Tebuireng 1 5 Rp 75.000",
                                            "Sabun Santri OPOP-SABUN PP Tebuireng 1 4 Rp 20.000",
                                            "Madu Sidogiri OPOP-MADU PP Sidogiri 1 0 Rp 0"]
    assert _cells(page, "producers")[0] == "PP Tebuireng 2 9 Rp 95.000"
    assert "LOKAL-1" not in page  # only the province's curated items are counted


def test_totals_show_money_per_kind_never_added_together(hub_app, hub, hub_key):
    hub_key.post("/sync/batches", body=body(batch([
        _sale(1, [("X", 1, 12_500)]), _sale(2, [("X", 1, 2_500)], kind="void"),
        record(3, kind="journal_entry", day=clock.today().isoformat(), total=None,
               lines=[{"account": "1101", "debit": 12_500, "credit": 0}])])))
    page = _admin(hub_app, hub).get("/total").get_data(as_text=True)
    day = clock.today().strftime("%d-%m-%Y")
    # sales, refunds & voids, Samsat: count and money; journal entries and closes: a count only
    assert _cells(page, "province") == [f"{day} 1 Rp 12.500 1 Rp 2.500 0 Rp 0 1 0"]
    assert _cells(page, "per-shop") == [f"{day} KOP01 1 Rp 12.500 1 Rp 2.500 0 Rp 0 1 0"]


def test_totals_name_the_back_office_kinds_in_words_with_their_own_money(hub_app, hub, hub_key):
    today = clock.today().isoformat()
    hub_key.post("/sync/batches", body=body(batch([
        _sale(1, [("X", 1, 10_000)]),
        record(2, kind="purchase", day=today, total=250_000),
        record(3, kind="supplier_payment", day=today, total=None, amount=100_000),
        record(4, kind="consignment_settlement", day=today, total=None, amount=40_000),
        record(5, kind="member_saving", day=today, total=None, amount=10_000, direction="setor"),
        record(6, kind="wallet_move", day=today, total=None, amount=5_000, kind_of="purchase"),
        record(7, kind="month_close", day=today, total=None, income=1, expense=1)])))
    page = _admin(hub_app, hub).get("/total").get_data(as_text=True)
    for words in (">Pembelian</th>", ">Bayar pemasok &amp; penitip</th>",
                  ">Anggota, simpanan, kasbon &amp; dompet</th>", ">Tutup shift, hari &amp; bulan</th>"):
        assert words in page
    assert ">Pembagian SHU</th>" not in page  # no payout in the period: no column
    assert not re.search(r">(purchase|supplier_payment|member_saving|wallet_move|month_close)<", page)
    day = clock.today().strftime("%d-%m-%Y")
    # sales, refunds, Samsat (always); purchases, paid to suppliers and consignors (money); members & wallets
    # (a count: their money goes both ways); journal; closes
    assert _cells(page, "province") == [f"{day} 1 Rp 10.000 0 Rp 0 0 Rp 0 1 Rp 250.000 2 Rp 140.000 2 0 1"]


def test_every_record_kind_the_shop_sends_has_a_place_on_the_totals_page():
    from posapp.hub.dashboard import GROUP_OF
    from posapp.wire.protocol import KINDS
    assert set(KINDS) <= set(GROUP_OF)
