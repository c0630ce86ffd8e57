"""Who may call: signatures, replays, clock skew, revoked keys, other shops' data, body caps."""
import gzip
import secrets
import time

import pytest
import requests

from posapp.hub.extensions import db
from posapp.hub.facts import Record
from posapp.hub.models import ShopKey
from posapp.wire import protocol
from posapp.wire.client import HubClient, HubRefused

from .helpers import batch, body, record

BATCHES = protocol.API + "/sync/batches"


def _signed(client, data, stamp=None, nonce=None, secret=None, extra=None):
    stamp = str(stamp or int(time.time()))
    nonce = nonce or secrets.token_hex(16)
    headers = {protocol.HEADER_KEY: client.key_id, protocol.HEADER_TIME: stamp, protocol.HEADER_NONCE: nonce,
               protocol.HEADER_SIGNATURE: protocol.sign(secret or client.secret, "POST", BATCHES, "", data, stamp, nonce),
               "Content-Type": "application/json", **(extra or {})}
    return requests.post(client.base_url + BATCHES, data=data, headers=headers, timeout=10)


def test_bad_signature_is_refused_and_stores_nothing(hub_key, hub):
    response = _signed(hub_key, body(batch([record(1)])), secret="bukan-rahasia")
    assert response.status_code == 401 and response.json()["error"] == "bad_signature"
    assert hub(lambda: db.session.scalar(db.select(db.func.count()).select_from(Record))) == 0


def test_tampered_body_fails_the_signature(hub_key):
    stamp, nonce = str(int(time.time())), secrets.token_hex(16)
    signature = protocol.sign(hub_key.secret, "POST", BATCHES, "", body(batch([record(1)])), stamp, nonce)
    response = requests.post(hub_key.base_url + BATCHES, data=body(batch([record(1, total=1)])), timeout=10,
                             headers={protocol.HEADER_KEY: hub_key.key_id, protocol.HEADER_TIME: stamp,
                                      protocol.HEADER_NONCE: nonce, protocol.HEADER_SIGNATURE: signature})
    assert response.status_code == 401


def test_missing_signature_is_refused(hub_key):
    response = requests.get(hub_key.base_url + protocol.API + "/sync/cursor", timeout=10)
    assert response.status_code == 401 and response.json()["error"] == "auth_missing"


def test_replayed_nonce_is_refused(hub_key):
    data = body(batch([record(1)]))
    assert _signed(hub_key, data, nonce="n-1").status_code == 200
    again = _signed(hub_key, data, nonce="n-1")
    assert again.status_code == 401 and again.json()["error"] == "replayed_nonce"


def test_stale_timestamp_is_refused_with_server_time(hub_key):
    response = _signed(hub_key, body(batch([record(1)])), stamp=int(time.time()) - 16 * 60)
    answer = response.json()
    assert response.status_code == 401 and answer["error"] == "stale_timestamp" and answer["server_time"]


def test_revoked_key_stops_the_shop_with_a_clear_message(hub_key, hub):
    def revoke():
        db.session.get(ShopKey, hub_key.key_id).status = "revoked"
        db.session.commit()
    hub(revoke)
    with pytest.raises(HubRefused) as refused:
        hub_key.get("/sync/cursor")
    assert refused.value.status == 403 and refused.value.code == "key_revoked"
    assert "dicabut" in refused.value.message


def test_another_shops_uuids_are_rejected_and_its_data_untouched(hub_key, hub_server, make_koperasi, hub):
    theirs = record(1, total=50_000)
    hub_key.post("/sync/batches", body=body(batch([theirs])))
    _, code = make_koperasi("KOP02", "Kopontren Nurul Huda")
    enrolled = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    other = HubClient(hub_server, enrolled["key_id"], enrolled["secret"])
    stolen = record(1, total=1, uuid=theirs["uuid"])
    answer = other.post("/sync/batches", body=body(batch([stolen, record(2, shop_code="KOP01")])))
    assert [r["code"] for r in answer["results"]["rejected"]] == ["uuid_other_shop", "other_shop"]
    rows = hub(lambda: [(r.shop_id, r.content()["total"]) for r in db.session.scalars(db.select(Record))])
    assert rows == [(1, 50_000)]
    # …and cannot read it either: its reconcile shows only its own (empty) data.
    assert other.get("/sync/reconcile", {"from": "2026-11-01", "to": "2026-11-30"})["days"] == []


def test_oversized_body_is_refused(hub_key, hub_app):
    hub_app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    response = _signed(hub_key, b"x" * (65 * 1024))
    assert response.status_code == 413


def test_gzip_bomb_is_refused_by_its_decompressed_size(hub_key, hub_app):
    bomb = gzip.compress(b"[" + b" " * (hub_app.config["HUB_MAX_BODY"] + 10) + b"]")
    assert len(bomb) < 64 * 1024
    response = _signed(hub_key, bomb, extra={"Content-Encoding": "gzip"})
    assert response.status_code == 413 and response.json()["error"] == "body_too_large"


@pytest.mark.parametrize("data, code", [(b"{not json", "malformed_body"),
                                        (b'{"batch_id": "x", "from_seq": 2, "to_seq": 1, "records": []}',
                                         "malformed_batch"),
                                        (gzip.compress(b"{}", mtime=0)[:-6], "malformed_body")])
def test_malformed_bodies_are_refused(hub_key, data, code):
    extra = {"Content-Encoding": "gzip"} if data[:2] == b"\x1f\x8b" else None
    response = _signed(hub_key, data, extra=extra)
    assert response.status_code == 400 and response.json()["error"] == code
