"""GET /api/v1/openapi.json stays true: a valid OpenAPI 3.1 document, every API route described, and
real answers (successes and refusals of every operation) match the described status and body."""
import gzip

import pytest
import requests
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from posapp.hub.extensions import db
from posapp.hub.feeds import publish_rulesets
from posapp.hub.reasons import REASONS
from posapp.wire import protocol
from posapp.wire.client import HubClient

from .helpers import batch, body, record, signed
from .test_feeds_samsat import _vehicle


@pytest.fixture
def spec(hub_key):
    answer = requests.get(hub_key.base_url + protocol.API + "/openapi.json", timeout=10)
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/json"
    return answer.json()


def test_the_document_is_valid_openapi_3_1(spec):
    validate_openapi(spec)
    assert spec["openapi"] == "3.1.0"
    assert set(spec["components"]["schemas"]["Rejected"]["properties"]["code"]["enum"]) == set(REASONS)
    schemes = {s["name"] for s in spec["components"]["securitySchemes"].values()}
    assert schemes == {protocol.HEADER_KEY, protocol.HEADER_TIME, protocol.HEADER_NONCE, protocol.HEADER_SIGNATURE}


def test_every_api_route_is_described_and_nothing_else(spec, hub_app):
    routes = {(rule.rule.replace("<", "{").replace(">", "}"), method.lower())
              for rule in hub_app.url_map.iter_rules() if rule.rule.startswith(protocol.API + "/")
              for method in rule.methods - {"HEAD", "OPTIONS"}}
    described = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert routes == described


class Answers:
    """Sends requests and checks each answer against the description of its operation."""

    def __init__(self, spec):
        self.spec, self.seen = spec, set()
        self.registry = Registry().with_resource("urn:hub", Resource.from_contents(spec, DRAFT202012))

    def check(self, method, template, response):
        operation = self.spec["paths"][protocol.API + template][method.lower()]
        status = str(response.status_code)
        assert status in operation["responses"], f"{method} {template} answered {status}: {response.text[:300]}"
        assert response.headers["Content-Type"] == "application/json"
        pointer = "/".join(part.replace("~", "~0").replace("/", "~1") for part in
                           ("paths", protocol.API + template, method.lower(), "responses", status, "content",
                            "application/json", "schema"))
        validator = Draft202012Validator({"$ref": f"urn:hub#/{pointer}"}, registry=self.registry,
                                         format_checker=FormatChecker())
        validator.validate(response.json())
        self.seen.add((method, template, response.status_code))
        return response.json()

    def send(self, client, method, template, path=None, query="", data=b"", headers=None):
        return self.check(method, template, signed(client, method, path or template, query, data, headers))


def test_real_answers_match_the_description(spec, hub_key, hub, hub_server, make_koperasi):
    def seed():
        publish_rulesets({"jatim-uji": {"name": "jatim-uji"}})
        db.session.add(_vehicle())
        db.session.commit()
    hub(seed)
    answers, base = Answers(spec), hub_key.base_url + protocol.API
    _, code = make_koperasi("KOP02", "Kopontren Nurul Huda")
    answers.check("POST", "/enroll", requests.post(base + "/enroll", json={"code": code}, timeout=10))
    answers.check("POST", "/enroll", requests.post(base + "/enroll", json={"code": code}, timeout=10))  # 403
    answers.check("POST", "/enroll", requests.post(base + "/enroll", data=b"{", timeout=10))  # 400
    answers.check("GET", "/openapi.json", requests.get(base + "/openapi.json", timeout=10))
    answers.check("GET", "/sync/cursor", requests.get(base + "/sync/cursor", timeout=10))  # 401
    answers.send(hub_key, "GET", "/sync/cursor")
    _batches(answers, hub_key)
    for query in ("since=0&limit=5", "since=x"):
        answers.send(hub_key, "GET", "/ref/{stream}/changes", "/ref/rulesets/changes", query)
    answers.send(hub_key, "GET", "/ref/{stream}/changes", "/ref/harga/changes")  # 404
    for query in ("plate=L%201234%20AB&on=2026-11-24", "plate=L%209999%20ZZ", "plate=%00", "plate=L1234AB&on=1980-01-01"):
        answers.send(hub_key, "GET", "/samsat/inquiry", query=query)
    for query in ("from=2026-11-01&to=2026-11-30", "from=2026-11-30&to=2026-11-01"):
        answers.send(hub_key, "GET", "/sync/reconcile", query=query)
    new = answers.send(hub_key, "POST", "/keys/rotate")
    answers.send(HubClient(hub_server, new["key_id"], new["secret"]), "POST", "/keys/retire-others")
    answers.send(hub_key, "GET", "/sync/cursor")  # 403 key_revoked
    described = {(m.upper(), p[len(protocol.API):], int(s)) for p, item in spec["paths"].items()
                 for m, op in item.items() for s in op["responses"]}
    assert {(m, t) for m, t, _ in described} == {(m, t) for m, t, _ in answers.seen}  # every operation tried
    assert len(answers.seen) >= 22  # successes and refusals, every status tried above


def _batches(answers, client):
    poison = record(2, payments=[{"method": "qris", "amount": 1, "reference": "\u0000"}])
    answers.send(client, "POST", "/sync/batches", data=body(batch([record(1), poison], "b1")))  # 200, rejected
    answers.send(client, "POST", "/sync/batches", data=body(batch([record(1)], "b1")))  # 422
    answers.send(client, "POST", "/sync/batches", data=body(batch([record(9)])))  # 409
    answers.send(client, "POST", "/sync/batches", data=body({**batch([record(3)]), "to_seq": 10 ** 9}))  # 400
    bomb = gzip.compress(b"[" + b" " * (5 * 1024 * 1024) + b"]")
    answers.send(client, "POST", "/sync/batches", data=bomb, headers={"Content-Encoding": "gzip"})  # 413
