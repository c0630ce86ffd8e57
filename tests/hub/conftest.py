"""Hub fixtures: a real PostgreSQL database made for the run, the hub app, the hub served over HTTP."""
import threading
import uuid
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

from posapp.hub import create_app as create_hub_app
from posapp.hub.config import HubTestConfig
from posapp.hub.extensions import db as hub_db

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
HUB_PASSWORD = "provinsi-123"


def real_now():
    """The hub's own clock: a real machine, unaffected by a frozen or skewed shop clock."""
    return datetime.now(timezone.utc)


@pytest.fixture(scope="session")
def hub_database():
    """CREATE DATABASE hub_test_<random> for the run, DROP … WITH (FORCE) after it."""
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError as exc:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({exc.__class__.__name__}); hub tests need it")
    name = f"hub_test_{uuid.uuid4().hex[:10]}"
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    app = create_hub_app(type("C", (HubTestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        hub_db.create_all()
        hub_db.engine.dispose()
    yield url
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    server.dispose()


@pytest.fixture
def hub_app(hub_database, tmp_path):
    faults = {}
    config = type("C", (HubTestConfig,), {"SQLALCHEMY_DATABASE_URI": hub_database, "HUB_NOW": staticmethod(real_now),
                                          "HUB_FAULTS": faults})
    app = create_hub_app(config, instance_path=str(tmp_path / "hub-instance"))
    yield app
    with app.app_context():
        hub_db.session.remove()
        names = ", ".join(f'"{t.name}"' for t in hub_db.metadata.sorted_tables)
        with hub_db.engine.begin() as conn:
            conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        hub_db.engine.dispose()


@pytest.fixture
def hub(hub_app):
    """Run `fn` inside the hub's app context: hub(lambda: ...)."""
    def run(fn):
        with hub_app.app_context():
            try:
                return fn()
            finally:
                hub_db.session.remove()
    return run


@pytest.fixture
def hub_server(hub_app):
    """The hub served on a random loopback port in a thread (real HTTP); yields its base URL."""
    yield from serve(hub_app)


def serve(app, ssl_context=None):
    """Serve `app` on a random loopback port in a thread (TLS with `ssl_context`); yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=ssl_context)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"{'https' if ssl_context else 'http'}://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture
def make_koperasi(hub):
    """Register a koperasi on the hub; returns (shop_id, one-time enrolment code)."""
    def make(code="KOP01", name="Kopontren Al-Hikmah"):
        from posapp.hub.service import add_koperasi, issue_code

        def act():
            shop = add_koperasi(code, name, "Jombang")
            enrol_code = issue_code(shop)
            hub_db.session.commit()
            return shop.id, enrol_code
        return hub(act)
    return make


@pytest.fixture
def hub_key(hub_server, make_koperasi):
    """An enrolled shop's credentials, straight from the API: a signed HubClient for KOP01."""
    from posapp.wire.client import HubClient
    shop_id, code = make_koperasi()
    answer = HubClient(hub_server).post("/enroll", {"code": code}, signed=False)
    return HubClient(hub_server, answer["key_id"], answer["secret"])
