"""Build records and batches the way the shop's outbox does; send raw signed requests."""
import secrets
import time
import uuid as uuidlib

import requests

from posapp.wire import protocol
from posapp.wire.outbox import canonical_json, payload_sha256


def record(seq, total=10_000, kind="sale", day="2026-11-24", uuid=None, **extra):
    uuid = uuid or str(uuidlib.uuid4())
    payload = {"uuid": uuid, "kind": kind, "total": total, "receipt_no": f"KOP01-{seq:05d}", **extra}
    return {"seq": seq, "kind": kind, "uuid": uuid, "business_date": day, "payload": payload,
            "sha256": payload_sha256(payload)}


def batch(records, batch_id=None):
    first, last = records[0]["seq"], records[-1]["seq"]
    return {"batch_id": batch_id or f"s{first}-{last}", "from_seq": first, "to_seq": last, "records": records}


def body(data) -> bytes:
    return canonical_json(data).encode("utf-8")


def signature_headers(key_id, secret, method, path, query="", data=b"") -> dict:
    """The four X-Posapp-* headers of protocol.sign for one request (a fresh nonce each time)."""
    stamp, nonce = str(int(time.time())), secrets.token_hex(16)
    return {protocol.HEADER_KEY: key_id, protocol.HEADER_TIME: stamp, protocol.HEADER_NONCE: nonce,
            protocol.HEADER_SIGNATURE: protocol.sign(secret, method, path, query, data, stamp, nonce)}


def signed(client, method, path, query="", data=b"", headers=None) -> requests.Response:
    """A raw signed request (query string and body sent exactly as given), for inputs HubClient would not make."""
    full_path = protocol.API + path
    sent = {**signature_headers(client.key_id, client.secret, method, full_path, query, data), **(headers or {})}
    url = client.base_url + full_path + (f"?{query}" if query else "")
    return requests.request(method, url, data=data or None, headers=sent, timeout=30)
