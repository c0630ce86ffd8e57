"""Reference feeds page by cursor; Samsat payments are priced again and confirmed down the feed."""
from datetime import timedelta

import pytest

from posapp import clock
from posapp.hub.extensions import db
from posapp.hub.feeds import publish, publish_rulesets
from posapp.hub.models import Vehicle
from posapp.samsat.rules import compute_bill
from posapp.wire.client import HubClient, HubRefused
from posapp.hub.confirm import vehicle_input

from .helpers import batch, body, record


def _vehicle(**fields):
    today = clock.today()
    values = {"plate": "L1234AB", "vehicle_class": "motor", "cc": 125, "njkb": 18_000_000, "ownership_order": 1,
              "tax_due": today - timedelta(days=20), "stnk_valid_until": today + timedelta(days=900),
              "blocked": False, "public_transport": False, "owner_name": "Ahmad Fauzi", "chassis_no": "MH1JM1234567ABCDE",
              "brand": "Honda Beat"}
    values.update(fields)
    return Vehicle(**values)


def test_feed_pages_with_cursor_and_has_more(hub_key, hub):
    def seed():
        publish_rulesets({f"jatim-{n}": {"name": f"jatim-{n}"} for n in range(3)})
        db.session.commit()
    hub(seed)
    first = hub_key.get("/ref/rulesets/changes", {"since": 0, "limit": 2})
    assert [c["key"] for c in first["changes"]] == ["jatim-0", "jatim-1"] and first["has_more"]
    rest = hub_key.get("/ref/rulesets/changes", {"since": first["last_seq"], "limit": 2})
    assert [c["key"] for c in rest["changes"]] == ["jatim-2"] and not rest["has_more"]
    hub(seed)  # publishing again adds no new versions
    assert hub_key.get("/ref/rulesets/changes", {"since": rest["last_seq"]})["changes"] == []


def test_a_shop_never_reads_another_shops_confirmations(hub_key, hub, hub_server, make_koperasi):
    def seed():
        publish("samsat", "x", {"status": "terkonfirmasi"}, shop_id=1)
        db.session.commit()
    hub(seed)
    _, code = make_koperasi("KOP02", "Lain")
    enrolled = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    other = HubClient(hub_server, enrolled["key_id"], enrolled["secret"])
    assert other.get("/ref/samsat/changes", {"since": 0})["changes"] == []
    assert len(hub_key.get("/ref/samsat/changes", {"since": 0})["changes"]) == 1


def _pay(hub_key, seq, plate, charged):
    today = clock.today().isoformat()
    rec = record(seq, kind="samsat_payment", day=today, plate=plate, paid_on=today, bill_total=charged,
                 total=charged + 5_000)
    hub_key.post("/sync/batches", body=body(batch([rec])))
    return rec["uuid"]


def test_equal_bill_is_confirmed_with_ntpd_and_different_gets_selisih(hub_key, hub):
    def seed():
        db.session.add_all([_vehicle(), _vehicle(plate="L5678CD")])
        db.session.commit()
        return vehicle_input(db.session.get(Vehicle, "L1234AB"))
    bill = compute_bill(hub(seed), None, clock.today())
    good = _pay(hub_key, 1, "L 1234 AB", bill.total)
    short = _pay(hub_key, 2, "l-5678-cd", bill.total - 1_000)
    lost = _pay(hub_key, 3, "W 9 ZZ", 100_000)
    verdicts = {c["key"]: c["payload"] for c in hub_key.get("/ref/samsat/changes", {"since": 0})["changes"]}
    assert verdicts[good]["status"] == "terkonfirmasi" and len(verdicts[good]["ntpd"]) == 16
    assert verdicts[short]["status"] == "selisih" and verdicts[short]["difference"] == 1_000
    # a plate the province does not know cannot be settled by a difference: the money goes back
    assert verdicts[lost] == {**verdicts[lost], "status": "ditolak", "reason": "vehicle_not_found", "ntpd": None}


def test_inquiry_answers_masked_facts_and_the_bill(hub_key, hub):
    def seed():
        db.session.add(_vehicle())
        db.session.commit()
    hub(seed)
    answer = hub_key.get("/samsat/inquiry", {"plate": "l 1234 ab"})
    assert answer["vehicle"]["owner_name"] == "Ah*** Fa***" and answer["vehicle"]["chassis_last5"] == "ABCDE"
    assert answer["bill"]["payable"] and answer["bill"]["total"] > 0
    with pytest.raises(HubRefused) as refused:
        hub_key.get("/samsat/inquiry", {"plate": "L 9999 ZZ"})
    assert refused.value.status == 404 and refused.value.code == "vehicle_not_found"
