"""Admission control: a request waits for a slot only while the queue can be worked off within the budget,
else 429 with Retry-After (and the connection closed); the shop's runner never comes back sooner."""
import threading
import time

import pytest

from posapp.hub.admission import Gate
from posapp.hub.extensions import db
from posapp.hub.facts import Record
from posapp.wire.client import HubClient, HubUnreachable

from .helpers import batch, body, record


def test_a_free_slot_is_taken_at_once_and_given_back():
    gate = Gate(slots=2, budget=1.0, retry_cap=60)
    first, second = gate.enter(), gate.enter()
    assert first is not None and second is not None and gate.inside == 2
    gate.leave(first)
    gate.leave(second)
    assert gate.inside == 0


def test_a_newcomer_is_refused_when_the_queue_ahead_would_outlast_the_budget():
    gate = Gate(slots=2, budget=1.0, retry_cap=60)
    gate.seconds = 0.5                      # one request takes half a second
    gate.inside = 5                         # 2 running, 3 waiting: the next would wait (5-2+1)/2 × 0.5 = 1 s
    assert gate.wait_for(gate.inside) == pytest.approx(1.0)
    gate.inside = 6                         # … now 1.25 s: over the budget
    assert gate.enter() is None and gate.refused == 1 and gate.inside == 6
    assert 1 <= gate.retry_after() <= 60


def test_a_waiting_request_gets_the_slot_when_it_frees_and_the_average_follows_the_work():
    gate = Gate(slots=1, budget=5.0, retry_cap=60)
    held = gate.enter()
    got = []
    waiter = threading.Thread(target=lambda: got.append(gate.enter()))
    waiter.start()
    time.sleep(0.2)
    assert not got and gate.inside == 2
    gate.leave(held)
    waiter.join(2)
    assert got and got[0] is not None
    gate.leave(got[0])
    assert gate.seconds < 0.2 + 0.1  # moved towards the ~0.2 s the first request held the slot


def test_a_wait_that_runs_past_the_budget_is_refused_not_started_late():
    gate = Gate(slots=1, budget=0.2, retry_cap=60)
    gate.seconds = 0.01  # the estimate says the wait is short …
    held = gate.enter()
    started = time.perf_counter()
    assert gate.enter() is None  # … but the slot stays taken: refused after the budget
    assert 0.15 < time.perf_counter() - started < 2
    gate.leave(held)


def test_the_hub_answers_429_with_retry_after_and_stores_nothing(hub_app, hub_key, hub):
    gate = hub_app.extensions["hub_gate"]
    gate.inside, gate.seconds = 100, 1.0  # a queue far beyond the budget
    with pytest.raises(HubUnreachable) as busy:
        hub_key.post("/sync/batches", body=body(batch([record(1)])))
    assert busy.value.retry_after is not None and 1 <= busy.value.retry_after <= hub_app.config["HUB_RETRY_AFTER_MAX"]
    assert hub(lambda: db.session.scalar(db.select(db.func.count()).select_from(Record))) == 0
    gate.inside = 0
    assert hub_key.post("/sync/batches", body=body(batch([record(1)])))["results"]["created"] == 1


def test_the_429_answer_closes_the_connection_and_says_busy(hub_app, hub_key):
    from .helpers import signed
    hub_app.extensions["hub_gate"].inside = 100
    hub_app.extensions["hub_gate"].seconds = 1.0
    response = signed(hub_key, "GET", "/sync/cursor")
    assert response.status_code == 429 and response.json()["error"] == "busy"
    assert response.headers["Retry-After"].isdigit() and "close" in response.headers["Connection"]


def test_the_shops_runner_waits_at_least_the_retry_after(app):
    from posapp.sync.runner import retrying
    slept, answers = [], [HubUnreachable("server provinsi menjawab 429", retry_after=37.0), {"ok": True}]

    def request():
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer
    with app.app_context():
        assert retrying(sleep=slept.append)(request) == {"ok": True}
    assert slept and slept[0] >= 37.0


def test_the_client_reads_retry_after_from_a_busy_hub(hub_app, hub_server):
    hub_app.extensions["hub_gate"].inside = 100
    hub_app.extensions["hub_gate"].seconds = 1.0
    with pytest.raises(HubUnreachable) as busy:
        HubClient(hub_server).post("/enroll", {"code": "X"}, signed=False)
    assert busy.value.retry_after >= 1


def test_the_busy_answer_is_described_for_every_call(hub_app, hub_key):
    import jsonschema
    from posapp.hub.openapi import document
    spec = document()
    for item in spec["paths"].values():
        for operation in item.values():
            if operation.get("security"):
                assert {"429", "503"} <= set(operation["responses"])
                assert "Retry-After" in operation["responses"]["429"]["headers"]
    from .helpers import signed
    hub_app.extensions["hub_gate"].inside, hub_app.extensions["hub_gate"].seconds = 100, 1.0
    answer = signed(hub_key, "POST", "/sync/batches", data=body(batch([record(1)]))).json()
    schema = {**spec["components"]["schemas"]["Error"], "components": spec["components"]}
    jsonschema.validate(answer, schema)
    assert answer["error"] == "busy" and answer["retry_after"] >= 1
