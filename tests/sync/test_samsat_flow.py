"""The Samsat counter with the real hub over HTTP: inquiry, payment, upload, confirmation back down."""
import copy
import json
import logging
import socket
import time
from datetime import date

import pytest

from posapp.extensions import db
from posapp.hub.confirm import ntpd_for
from posapp.money import format_rupiah
from posapp.samsat.models import SamsatPayment
from posapp.samsat.rulebook import RULESET_DIR
from posapp.wire.models import Outbox
from posapp.sync.runner import run_sync
from tests.conftest import PINS
from tests.samsat.conftest import BILL_TOTAL, bill_uuid, counter_shift, pay, show_bill  # noqa: F401

PAID_ON = date(2026, 11, 24)  # the frozen shop clock


@pytest.fixture
def register(hub):
    """The province's register holds the Surabaya motorcycle of tests/samsat (bill Rp 344.788 on 24-11-2026)."""
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.models import Vehicle

    def seed():
        hub_db.session.add(Vehicle(plate="L1234AB", vehicle_class="motor", cc=125, njkb=15_000_000,
                                   ownership_order=1, tax_due=date(2026, 11, 1), stnk_valid_until=date(2029, 11, 1),
                                   blocked=False, public_transport=False, owner_name="Ahmad Fauzi",
                                   chassis_no="MH1JM1234KK56789", brand="Honda Beat"))
        hub_db.session.commit()
    hub(seed)


@pytest.fixture
def online(frozen_clock, enrolled, register, counter_shift):  # noqa: F811 - the clock first: enrol learns its offset
    """Shop enrolled at the hub (through the proxy), vehicle registered, kasir's shift open."""
    return enrolled


@pytest.fixture
def printer(app, tmp_path):
    from posapp.shop.service import save_settings
    target = tmp_path / "printer.bin"
    save_settings({"printer_connection": "file", "printer_file_path": str(target)})
    db.session.commit()
    return target


def payment_of(uuid) -> SamsatPayment:
    db.session.expire_all()
    return db.session.scalar(db.select(SamsatPayment).where(SamsatPayment.uuid == uuid))


def hub_quote(client, plate="l 1234 ab"):
    """The kasir types only the plate: the hub answers the facts and the bill."""
    return client.post("/samsat/tagihan", data={"plate": plate})


def test_hub_inquiry_payment_and_confirmation_with_ntpd(online, kasir_client, pay, printer):  # noqa: F811
    page = hub_quote(kasir_client)
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Ah*** Fa***" in text and "Ahmad Fauzi" not in text  # the owner's name is masked
    assert "terverifikasi hub" in text and "belum terverifikasi" not in text
    assert f'id="bill-tax">{format_rupiah(BILL_TOTAL)}<' in text
    uuid = bill_uuid(page)
    assert pay(uuid).status_code == 302  # chassis 56789 comes from the hub's register
    payment = payment_of(uuid)
    assert (payment.source, payment.verified, payment.tax, payment.status) == ("hub", True, BILL_TOTAL,
                                                                               "menunggu_kirim")

    assert run_sync()["ok"]

    payment = payment_of(uuid)
    ntpd = ntpd_for(uuid, PAID_ON)
    assert [e.status for e in payment.events] == ["menunggu_kirim", "terkirim", "terkonfirmasi"]
    assert payment.ntpd == ntpd
    listing = kasir_client.get("/samsat/pembayaran").get_data(as_text=True)
    assert "Terkonfirmasi" in listing and ntpd in listing
    reprint = kasir_client.post(f"/samsat/pembayaran/{uuid}/cetak", data={"approver": "manajer",
                                                                         "pin": PINS["manajer"]})
    assert reprint.status_code == 302
    assert ntpd.encode() in printer.read_bytes() and b"SALINAN" in printer.read_bytes()
    assert run_sync()["ok"]  # a second run changes nothing: the verdict is recorded once
    assert len(payment_of(uuid).events) == 3


def test_manual_entry_while_the_hub_is_down_then_selisih(online, kasir_client, show_bill, pay, proxy):  # noqa: F811
    proxy.refuse()
    page = show_bill(njkb="16.000.000")  # the STNK typed by hand, with a wrong NJKB
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Hub Samsat tidak terjangkau" in text and 'id="unverified"' in text
    uuid = bill_uuid(page)
    assert pay(uuid).status_code == 302
    charged = payment_of(uuid).tax
    assert charged > BILL_TOTAL and payment_of(uuid).verified is False

    proxy.heal()
    assert run_sync()["ok"]

    payment = payment_of(uuid)
    assert payment.status == "selisih" and payment.ntpd is None
    assert payment.latest.difference == BILL_TOTAL - charged  # hub total − shop total
    listing = kasir_client.get("/samsat/pembayaran").get_data(as_text=True)
    assert "Selisih" in listing and format_rupiah(BILL_TOTAL - charged) in listing


def test_hub_down_with_only_the_plate_asks_for_the_stnk(online, kasir_client, proxy):
    proxy.refuse()
    page = hub_quote(kasir_client)
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "Hub Samsat tidak terjangkau" in text and "Pilih jenis kendaraan." in text
    assert db.session.scalar(db.select(db.func.count(SamsatPayment.id))) == 0


def test_a_plate_unknown_to_the_hub_falls_back_to_the_typed_stnk(online, show_bill):  # noqa: F811
    page = show_bill(plate="W 9876 ZZ")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "tidak ditemukan di data Samsat provinsi" in text and 'id="unverified"' in text


def test_a_rejected_payment_ends_ditolak_and_does_not_block_the_other(online, kasir_client, pay,  # noqa: F811
                                                                       show_bill):  # noqa: F811
    good, bad = bill_uuid(hub_quote(kasir_client)), bill_uuid(show_bill(plate="W 9876 ZZ"))  # two vehicles
    pay(good)
    pay(bad)
    damaged = db.session.scalar(db.select(Outbox).where(Outbox.uuid == bad))
    damaged.sha256 = "0" * 64  # damaged on disk: the hub must refuse it
    db.session.commit()

    assert run_sync()["ok"]

    refused = payment_of(bad)
    assert (refused.status, refused.latest.reason) == ("ditolak", "bad_sha256")
    assert payment_of(good).status == "terkonfirmasi"
    listing = kasir_client.get("/samsat/pembayaran").get_data(as_text=True)
    assert "Ditolak" in listing and "isi data rusak (sidik sha256 tidak cocok)" in listing
    assert 'title="bad_sha256"' in listing and ">bad_sha256<" not in listing  # the code only as a tooltip
    detail = kasir_client.get(f"/samsat/pembayaran/{bad}").get_data(as_text=True)
    assert '<span title="bad_sha256">isi data rusak (sidik sha256 tidak cocok)</span>' in detail


def test_a_rule_set_from_the_feed_prices_the_counter_and_the_hub_agrees(online, kasir_client, pay, hub,
                                                                        caplog):  # noqa: F811
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.feeds import publish
    from posapp.samsat.rules import compute_bill
    before = hub_quote(kasir_client).get_data(as_text=True)
    assert "jatim-2025" in before

    document = copy.deepcopy(json.loads((RULESET_DIR / "jatim-2025.json").read_text("utf-8")))
    document.update(name="jatim-2026-uji", valid_from="2026-06-01", pkb_rates_percent=["1.0", "1.5", "2.0"],
                    programmes=[])

    def publish_both():
        publish("rulesets", "rusak", {"name": "rusak"})  # a broken document must not stop anyone
        publish("rulesets", document["name"], document)
        hub_db.session.commit()
    hub(publish_both)
    vehicle = {"plate": "L1234AB", "vehicle_class": "motor", "cc": 125, "njkb": 15_000_000, "ownership_order": 1,
               "tax_due": "2026-11-01", "stnk_valid_until": "2029-11-01", "blocked": False, "public_transport": False}
    new_total = compute_bill(vehicle, document, PAID_ON).total
    assert new_total != BILL_TOTAL

    stale = hub_quote(kasir_client).get_data(as_text=True)  # the hub prices with it already, the shop not yet
    assert "berbeda dengan hitungan loket" in stale
    with caplog.at_level(logging.WARNING):
        assert run_sync()["ok"]
        page = hub_quote(kasir_client)
    text = page.get_data(as_text=True)
    assert "jatim-2026-uji" in text and f'id="bill-tax">{format_rupiah(new_total)}<' in text
    assert "berbeda dengan hitungan loket" not in text
    assert any("rusak" in record.getMessage() for record in caplog.records)

    uuid = bill_uuid(page)
    pay(uuid)
    assert run_sync()["ok"]
    assert payment_of(uuid).status == "terkonfirmasi"


def test_shop_killed_before_the_ack_then_the_resend_confirms_once(online, kasir_client, pay, app):  # noqa: F811
    class Killed(BaseException):  # a process dies: no handler of the run sees it (an Exception is recorded)
        pass

    def die():
        raise Killed
    uuid = bill_uuid(hub_quote(kasir_client))
    pay(uuid)
    app.config["SYNC_FAULTS"] = {"before_ack": die}
    with pytest.raises(Killed):
        run_sync()
    db.session.rollback()
    assert payment_of(uuid).status == "menunggu_kirim"  # the ack and the status move together, or not at all
    app.config["SYNC_FAULTS"] = {}
    assert run_sync()["ok"]  # the hub answers "duplicate": still held, so sent, and its verdict comes down
    assert [e.status for e in payment_of(uuid).events] == ["menunggu_kirim", "terkirim", "terkonfirmasi"]


def test_a_silent_hub_gives_up_quickly_while_the_resident_waits(online, kasir_client, app):
    from posapp.wire.state import state
    silent = socket.create_server(("127.0.0.1", 0))  # accepts the connection, never answers
    try:
        state().hub_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        db.session.commit()
        app.config["SAMSAT_INQUIRY_TIMEOUT"] = 0.5
        started = time.monotonic()
        page = hub_quote(kasir_client)
        assert time.monotonic() - started < 3  # one try, no retry loop
    finally:
        silent.close()
    assert page.status_code == 400 and "waktu habis" in page.get_data(as_text=True)


def test_after_an_online_payment_the_same_bill_is_never_offered_again(online, kasir_client, pay):  # noqa: F811
    assert pay(bill_uuid(hub_quote(kasir_client))).status_code == 302
    before_sync = hub_quote(kasir_client).get_data(as_text=True)  # the hub does not know it yet; the shop does
    assert 'id="already-paid"' in before_sync and 'id="pay-form"' not in before_sync
    assert run_sync()["ok"]
    after_sync = hub_quote(kasir_client).get_data(as_text=True)
    assert 'id="pay-form"' not in after_sync and 'id="paid-periods"' in after_sync
    assert "01-11-2026" in after_sync and "Kopontren Al-Hikmah (KOP01)" in after_sync
    assert 'id="next-due">01-11-2027<' in after_sync and 'id="refusal"' in after_sync  # next year: not due yet


def test_a_year_paid_at_another_outlet_ends_in_a_refund_the_hub_holds(online, kasir_client, manajer_client,
                                                                       show_bill, pay, proxy, hub, hub_server,
                                                                       make_koperasi):  # noqa: F811
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.facts import Record
    from posapp.wire.client import HubClient
    from tests.hub.helpers import batch, body, record
    _, code = make_koperasi("KOP02", "Kopontren Darul Ulum")
    enrolled = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    other = HubClient(hub_server, enrolled["key_id"], enrolled["secret"])
    bill = {"years": [{"due": "2026-11-01"}], "total": BILL_TOTAL}
    other.post("/sync/batches", body=body(batch([record(1, kind="samsat_payment", day="2026-11-24", plate="L1234AB",
                                                        paid_on="2026-11-24", bill_total=BILL_TOTAL, bill=bill,
                                                        transaction_no="SAM-KOP02-20261124-0001")])))
    proxy.refuse()  # this shop is offline: the kasir types the STNK and takes the money
    uuid = bill_uuid(show_bill())
    assert pay(uuid).status_code == 302
    proxy.heal()
    assert run_sync()["ok"]
    payment = payment_of(uuid)
    assert (payment.status, payment.latest.reason) == ("ditolak", "already_paid")
    assert "SAM-KOP02-20261124-0001" in payment.latest.detail and "KOP02" in payment.latest.detail
    unsettled = manajer_client.get("/samsat/belum-selesai").get_data(as_text=True)
    assert "tahun pajak ini sudah dibayar" in unsettled and "SAM-KOP02-20261124-0001" in unsettled
    response = manajer_client.post(f"/samsat/pembayaran/{uuid}/selesaikan",
                                   data={"event_id": str(payment.latest.id), "method": "cash", "fee_refund": "1"})
    assert response.status_code == 302 and payment_of(uuid).status == "dikembalikan"
    assert run_sync()["ok"]
    held = hub(lambda: [r.content() for r in hub_db.session.scalars(hub_db.select(Record).where(
        Record.shop_id == 1, Record.kind == "samsat_refund"))])
    assert [(p["payment_uuid"], p["amount"], p["reason"]) for p in held] == [(uuid, BILL_TOTAL, "ditolak")]
    assert payment_of(uuid).status == "dikembalikan"  # nothing the hub said afterwards revived it
