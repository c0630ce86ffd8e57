"""Shop ↔ hub as real HTTP peers: the shop `app` (SQLite) enrolled at the hub (PostgreSQL)."""
import uuid as uuidlib
from datetime import date

import pytest

from posapp.extensions import db
from tests.hub.conftest import (hub, hub_app, hub_database, hub_key, hub_server, make_koperasi,  # noqa: F401
                                real_now)

from .proxy import FaultyProxy


@pytest.fixture
def proxy(hub_server):
    proxy = FaultyProxy(int(hub_server.rsplit(":", 1)[1]))
    yield proxy
    proxy.close()


@pytest.fixture
def enrolled(app, proxy, make_koperasi):
    """This shop enrolled at the hub through the proxy, with fast retries."""
    from posapp.wire.hub_calls import enrol
    app.config.update(SYNC_BACKOFF_BASE=0.01, SYNC_BACKOFF_CAP=0.05, SYNC_MAX_ATTEMPTS=4, SYNC_TIMEOUT=10,
                      SYNC_FAULTS={})
    _, code = make_koperasi()
    state = enrol(proxy.url, code)
    db.session.commit()
    return state


@pytest.fixture
def make_records(app):
    """Queue `n` facts in the outbox the way the features do (sales, refunds, Samsat payments…)."""
    from posapp.wire.outbox import enqueue
    counter = {"n": 0}

    def make(n, day=date(2026, 11, 24), kind="sale", total=10_000):
        made = []
        for _ in range(n):
            counter["n"] += 1
            record_uuid = str(uuidlib.uuid4())
            made.append(enqueue(kind, record_uuid, day, {"uuid": record_uuid, "kind": kind,
                                                         "total": total + counter["n"],
                                                         "receipt_no": f"KOP01-{counter['n']:05d}"}))
        db.session.commit()
        return made
    return make


@pytest.fixture
def hub_holds(hub):
    """{uuid: sha256} of what the hub holds for shop 1, and a check of doubles."""
    from posapp.hub.extensions import db as hub_db
    from posapp.hub.facts import Record

    def holds():
        rows = hub(lambda: hub_db.session.execute(hub_db.select(Record.uuid, Record.sha256)
                                                  .where(Record.shop_id == 1)).all())
        held = dict(rows)
        assert len(held) == len(rows)
        return held
    return holds
