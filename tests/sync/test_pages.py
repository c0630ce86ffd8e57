"""What the shop sees: enrolment, the chip, "perlu perhatian", the reconcile card, the command line."""
from datetime import date, timedelta

from posapp import clock
from posapp.extensions import db
from posapp.wire.state import current as sync_state
from posapp.sync.status import chip


def test_enrol_from_the_page_with_errors_next_to_the_field(admin_client, proxy, make_koperasi):
    page = admin_client.post("/sinkronisasi/daftar", data={"hub_url": "opop.jatim", "code": "X"})
    assert page.status_code == 400 and "https://" in page.get_data(as_text=True)
    wrong = admin_client.post("/sinkronisasi/daftar", data={"hub_url": proxy.url, "code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 400 and "Kode pendaftaran salah" in wrong.get_data(as_text=True)
    assert not sync_state().enrolled
    _, code = make_koperasi()
    done = admin_client.post("/sinkronisasi/daftar", data={"hub_url": proxy.url, "code": code},
                             follow_redirects=True)
    assert "terdaftar" in done.get_data(as_text=True) and sync_state().shop_code == "KOP01"


def test_kasir_cannot_open_the_sync_page(kasir_client):
    assert kasir_client.get("/sinkronisasi/").status_code == 403


def test_chip_counts_pending_then_shows_synced(enrolled, make_records, manajer_client):
    make_records(37)
    assert chip()["text"] == "37 transaksi menunggu"
    page = manajer_client.post("/sinkronisasi/sekarang", follow_redirects=True).get_data(as_text=True)
    assert "Sinkronisasi selesai" in page and "cocok" in page
    assert chip()["tone"] == "ok" and chip()["text"].startswith("Tersinkron ")


def test_rejected_record_is_listed_with_its_reason(enrolled, make_records, manajer_client):
    bad = make_records(2)[0]
    bad.sha256 = "0" * 64  # damaged on disk: the hub must refuse it, the rest must go through
    db.session.commit()
    manajer_client.post("/sinkronisasi/sekarang")
    assert chip()["text"] == "1 data perlu perhatian"
    page = manajer_client.get("/sinkronisasi/").get_data(as_text=True)
    assert "isi data rusak" in page and bad.uuid in page


def test_banner_after_48_hours_without_upload(enrolled, make_records, frozen_clock, app):
    from posapp.sync.runner import run_sync
    frozen_clock()
    make_records(1)
    assert run_sync()["ok"]
    assert not chip()["banner"]
    frozen_clock(clock.now_wib().replace(tzinfo=None) + timedelta(hours=49))
    make_records(1)
    assert chip()["banner"]


def test_revoked_key_is_shown_not_retried(enrolled, make_records, hub, manajer_client):
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.models import ShopKey

    key_id = enrolled.key_id

    def revoke():
        hub_db.session.get(ShopKey, key_id).status = "revoked"
        hub_db.session.commit()
    hub(revoke)
    page = manajer_client.post("/sinkronisasi/sekarang", follow_redirects=True).get_data(as_text=True)
    assert "dicabut" in page and sync_state().next_retry_at is None


def test_cli_sync_run(enrolled, make_records, runner, hub_holds):
    make_records(5, date(2026, 11, 24))
    result = runner.invoke(args=["sync", "run"])
    assert result.exit_code == 0 and "Terkirim 5 data" in result.output
    assert len(hub_holds()) == 5


def test_schedule_time_is_checked(admin_client, enrolled):
    assert admin_client.post("/sinkronisasi/jadwal", data={"nightly_at": "25:99"}).status_code == 400
    admin_client.post("/sinkronisasi/jadwal", data={"nightly_at": "22:30"})
    assert sync_state().nightly_at == "22:30"


def test_feeds_arrive_with_their_cursor(enrolled, hub):
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.feeds import publish_rulesets
    from posapp.sync.feed import cursor_of
    from posapp.wire.reference import rulesets
    from posapp.sync.runner import run_sync

    def seed():
        publish_rulesets({"jatim-2030": {"name": "jatim-2030"}})
        hub_db.session.commit()
    hub(seed)
    assert run_sync()["received"] == 1
    assert rulesets() == {"jatim-2030": {"name": "jatim-2030"}} and cursor_of("rulesets") == 1
