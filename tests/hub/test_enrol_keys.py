"""Enrolment codes are one-time; keys rotate with two valid at once."""
import pytest

from posapp.wire.client import HubClient, HubRefused


def test_code_enrols_once(hub_server, make_koperasi):
    _, code = make_koperasi()
    client = HubClient(hub_server)
    answer = client.post("/enroll", {"code": code.lower()}, signed=False)
    assert answer["shop_code"] == "KOP01" and len(answer["secret"]) == 64
    with pytest.raises(HubRefused) as refused:
        client.post("/enroll", {"code": code}, signed=False)
    assert refused.value.code == "enrol_code_invalid"


def test_unknown_code_is_refused(hub_server, make_koperasi):
    make_koperasi()
    with pytest.raises(HubRefused) as refused:
        HubClient(hub_server).post("/enroll", {"code": "AAAA-BBBB-CCCC"}, signed=False)
    assert refused.value.status == 403


def test_rotation_keeps_both_keys_until_the_old_is_retired(hub_key):
    old = HubClient(hub_key.base_url, hub_key.key_id, hub_key.secret)
    fresh = hub_key.post("/keys/rotate", {})
    new = HubClient(hub_key.base_url, fresh["key_id"], fresh["secret"])
    assert old.get("/sync/cursor")["last_seq"] == new.get("/sync/cursor")["last_seq"] == 0
    assert new.post("/keys/retire-others", {}) == {"retired": 1}
    with pytest.raises(HubRefused) as refused:
        old.get("/sync/cursor")
    assert refused.value.code == "key_revoked"
    assert new.get("/sync/cursor")["last_seq"] == 0
