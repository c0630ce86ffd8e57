"""Issue 11 #2, hub side: no query string, header or body a signed-in shop can send gives a 500."""
import pytest
import requests

from posapp.wire import protocol

from .helpers import signature_headers, signed

BIG = str(2 ** 63)


@pytest.mark.parametrize("query", [f"since={BIG}", "since=99999999999999999999999999", "since=-1", "since=abc",
                                   "since=%C2%B2", "since=", "since=1.5", "since=%00", "limit=abc", "limit=-5",
                                   f"limit={BIG}", "limit=1e3", "since=0&limit=%EF%BF%BF"])
def test_2_changes_refuses_junk_since_and_limit_with_400(hub_key, query):
    response = signed(hub_key, "GET", "/ref/rulesets/changes", query)
    assert response.status_code == 400 and response.json()["error"] == "bad_argument", response.text


@pytest.mark.parametrize("query", [f"since={2 ** 63 - 1}", "since=0&limit=0", "since=00007&limit=99999"])
def test_changes_takes_every_bigint_since_and_clamps_limit(hub_key, query):
    response = signed(hub_key, "GET", "/ref/rulesets/changes", query)
    assert response.status_code == 200 and response.json()["changes"] == []


def test_an_unknown_stream_is_a_json_404(hub_key):
    response = signed(hub_key, "GET", "/ref/%00/changes", "since=0")
    assert response.status_code in (401, 404) and response.headers["Content-Type"] == "application/json"
    response = signed(hub_key, "GET", "/ref/harga/changes")
    assert response.status_code == 404 and response.json()["error"] == "unknown_stream"


@pytest.mark.parametrize("query", ["from=2026-11-01&to=kemarin", "from=2026-13-01&to=2026-11-02", "from=20261101&to=20261102",
                                   "to=2026-11-02", "from=0000-01-01&to=0000-01-02", "from=9999-12-31&to=9999-12-30",
                                   "from=2026-11-01%00&to=2026-11-02", "from=2026-01-01&to=2027-12-31"])
def test_reconcile_refuses_junk_dates_with_400(hub_key, query):
    response = signed(hub_key, "GET", "/sync/reconcile", query)
    assert response.status_code == 400 and response.json()["error"] in ("bad_argument", "bad_range"), response.text


def test_reconcile_takes_the_ends_of_the_calendar(hub_key):
    assert signed(hub_key, "GET", "/sync/reconcile", "from=9999-12-01&to=9999-12-31").status_code == 200
    assert signed(hub_key, "GET", "/sync/reconcile", "from=0001-01-01&to=0001-01-31").status_code == 200


@pytest.mark.parametrize("query, code", [("plate=%00", "plate_invalid"), ("plate=" + "L" * 5000, "plate_invalid"),
                                         ("", "plate_invalid"), ("plate=L1234AB&on=0001-01-01", "bad_argument"),
                                         ("plate=L1234AB&on=9999-12-31", "bad_argument"),
                                         ("plate=L1234AB&on=besok", "bad_argument"),
                                         ("plate=%ED%A0%80", "plate_invalid")])
def test_inquiry_refuses_junk_with_400(hub_key, query, code):
    response = signed(hub_key, "GET", "/samsat/inquiry", query)
    assert response.status_code == 400 and response.json()["error"] == code, response.text


@pytest.mark.parametrize("data", [b'{"code": 123}', b'{"code": ["a"]}', b'{"code": "\\ud800"}', b'{"code": "\\u0000"}',
                                  b"[]", b'"kode"', b'{"code": "' + b"A" * 10_000 + b'"}'],
                         ids=["int", "list", "surrogate", "nul", "array", "string", "10k"])
def test_enrol_junk_is_a_wrong_code_not_a_crash(hub_key, data):
    response = signed(hub_key, "POST", "/enroll", data=data)
    assert response.status_code == 403 and response.json()["error"] == "enrol_code_invalid"


@pytest.mark.parametrize("data, code", [(b"\xff\xfe{}", "malformed_body"), (b'{"a": 1}\x00', "malformed_body"),
                                        (b"{" * 70 + b"}" * 70, "too_deep"), (b"", "malformed_body"),
                                        (b'{"batch_id": "b", "from_seq": 1, "to_seq": 1, "records": [7]}', "seq_mismatch"),
                                        (b'{"batch_id": "b", "from_seq": true, "to_seq": 1, "records": [{}]}',
                                         "malformed_batch")])
def test_batches_refuse_unreadable_bodies_with_400(hub_key, data, code):
    response = signed(hub_key, "POST", "/sync/batches", data=data)
    assert response.status_code == 400 and response.json()["error"] == code, response.text


@pytest.mark.parametrize("header, value", [(protocol.HEADER_SIGNATURE, "é" * 64), (protocol.HEADER_TIME, "²"),
                                           (protocol.HEADER_TIME, "9" * 40), (protocol.HEADER_NONCE, "n" * 65),
                                           (protocol.HEADER_NONCE, "ñ"), (protocol.HEADER_KEY, "k" * 41),
                                           (protocol.HEADER_KEY, "ké")])
def test_malformed_auth_headers_are_401(hub_key, header, value):
    path = protocol.API + "/sync/cursor"
    headers = {**signature_headers(hub_key.key_id, hub_key.secret, "GET", path), header: value.encode("latin-1")}
    response = requests.get(hub_key.base_url + path, headers=headers, timeout=10)
    assert response.status_code == 401 and response.json()["error"] == "auth_malformed"


def test_unknown_paths_and_methods_under_the_api_answer_json(hub_key):
    missing = requests.get(hub_key.base_url + protocol.API + "/tidak-ada", timeout=10)
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    wrong = requests.delete(hub_key.base_url + protocol.API + "/sync/cursor", timeout=10)
    assert wrong.status_code == 405 and wrong.json()["error"] == "method_not_allowed" and "GET" in wrong.headers["Allow"]
