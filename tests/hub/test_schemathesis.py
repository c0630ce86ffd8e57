"""schemathesis against a live hub: real HTTP, PostgreSQL, every request signed with an enrolled shop's key.

Positive and negative cases for every operation of /api/v1/openapi.json (examples, coverage and
fuzzing phases), MAX_EXAMPLES per operation and phase. Checks: no 5xx, every status and body as
described, JSON content types, signed operations refuse unsigned calls, unknown methods get 405,
schema-violating input is refused — except in a batch, where a record that violates the schema is
refused alone inside a 200 answer (by design: one bad record never blocks the rest).
A WSGI counter under the hub asserts afterwards that no request at all got a 5xx.
POSAPP_SCHEMATHESIS_EXAMPLES runs more; POSAPP_SCHEMATHESIS_SEED picks another seed (the default
one keeps CI reproducible).
"""
import os
from collections import Counter
from urllib.parse import unquote, urlsplit

import pytest
import requests
import schemathesis
from schemathesis.config import SchemathesisConfig

from posapp.hub.extensions import db
from posapp.wire import protocol

from .helpers import signature_headers
from .test_feeds_samsat import _vehicle

MAX_EXAMPLES = int(os.environ.get("POSAPP_SCHEMATHESIS_EXAMPLES", "20"))
SEED = int(os.environ.get("POSAPP_SCHEMATHESIS_SEED", "20261130"))
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance", "ignored_auth", "unsupported_method", "negative_data_rejection")


class HmacAuth(requests.auth.AuthBase):
    """Signs the prepared request as the shop does: the final path, query and body bytes."""

    def __init__(self, key_id, secret):
        self.key_id, self.secret = key_id, secret

    def __call__(self, prepared):
        url = urlsplit(prepared.url)
        data = prepared.body.encode("utf-8") if isinstance(prepared.body, str) else (prepared.body or b"")
        prepared.headers.update(signature_headers(self.key_id, self.secret, prepared.method,
                                                  unquote(url.path, errors="replace"), url.query, data))
        return prepared


def _config() -> SchemathesisConfig:
    return SchemathesisConfig.from_dict({
        "seed": SEED,
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "with-security-parameters": False,
                       "database": "none"},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        "phases": {"stateful": {"enabled": False}},
        "operations": [{"include-path": protocol.API + "/sync/batches",
                        "checks": {"negative_data_rejection": {"enabled": False}}}],
        "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
    })


@pytest.fixture
def statuses(hub_app):
    """Every status the hub answered during the run; none may be a 5xx."""
    seen, inner = Counter(), hub_app.wsgi_app

    def counting(environ, start_response):
        def start(status, headers, *exc_info):
            seen[int(status[:3])] += 1
            return start_response(status, headers, *exc_info)
        return inner(environ, start)
    hub_app.wsgi_app = counting
    yield seen
    hub_app.wsgi_app = inner
    assert sum(seen.values()) > 100 and not [s for s in seen if s >= 500], dict(seen)


@pytest.fixture
def hub_schema(hub_key, hub, statuses):
    def seed():
        db.session.add(_vehicle())  # the example plate L 1234 AB is in the register
        db.session.commit()
    hub(seed)
    return schemathesis.openapi.from_url(hub_key.base_url + protocol.API + "/openapi.json", config=_config())


schema = schemathesis.pytest.from_fixture("hub_schema")


@pytest.mark.slow
@schema.parametrize()
def test_the_hub_api_holds_to_its_description(case, hub_key):
    case.call_and_validate(base_url=hub_key.base_url, auth=HmacAuth(hub_key.key_id, hub_key.secret))
