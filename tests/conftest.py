"""Shared fixtures: app, client, runner, users and logged-in clients per role, factories, clock.

The suite runs on SQLite (a fresh file per test) and, when POSAPP_TEST_PG_URL names a
PostgreSQL server, on a database created for the run and dropped after it.
"""
import os
import uuid
from datetime import datetime

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from posapp import clock, create_app
from posapp.config import TestConfig
from posapp.extensions import db

PG_SERVER = os.environ.get("POSAPP_TEST_PG_URL")  # e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres
PASSWORD = "rahasia-123"
PINS = {"admin": "111111", "manajer": "222222"}


@pytest.fixture(scope="session")
def pg_database():
    """A throwaway PostgreSQL database for the whole run (None on SQLite)."""
    if not PG_SERVER:
        yield None
        return
    name = f"posapp_test_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_SERVER).set(database=name)
    yield url.render_as_string(hide_password=False)
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    server.dispose()


@pytest.fixture
def database_url(pg_database, tmp_path):
    return pg_database or f"sqlite:///{tmp_path / 'posapp.db'}"


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (own `g`, own DB session), as in production.

    The test's own context stays pushed for direct DB access; after each request its session is
    expired so the test reads what the request committed.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture
def app(database_url, tmp_path):
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": database_url})
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    app.test_client_class = IsolatedClient
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        if database_url.startswith("postgresql"):
            _truncate_all()
        db.engine.dispose()
    clock.freeze(None)


def _truncate_all():
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as conn:
        conn.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def frozen_clock():
    """Freeze the app clock at 24 Nov 2026 10:00 WIB; call it with another moment to move it."""
    def move(moment=datetime(2026, 11, 24, 10, 0)):
        clock.freeze(moment)
        return clock.now()
    move()
    yield move
    clock.freeze(None)


@pytest.fixture
def make_user(app):
    from posapp.auth import service

    def make(username="kasir1", role="kasir", password=PASSWORD, pin=None, full_name=None):
        pin = pin or PINS.get(role)
        user = service.create_user(username, full_name or username.title(), role, password, pin)
        db.session.commit()
        return user
    return make


@pytest.fixture
def shop(app):
    """The shop identity a first-run setup would have saved."""
    from posapp.shop.service import save_settings
    save_settings({"shop_name": "Kopontren Al-Hikmah", "shop_address": "Jl. Pesantren 1, Jombang",
                   "shop_code": "KOP01", "receipt_header": "Toko OPOP", "receipt_footer": "Terima kasih"})
    db.session.commit()


@pytest.fixture
def users(make_user, shop):
    return {"admin": make_user("admin", "admin"), "manajer": make_user("manajer", "manajer"),
            "kasir": make_user("kasir", "kasir")}


def _logged_in(app, username):
    client = app.test_client()
    response = client.post("/masuk", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


@pytest.fixture
def kasir_client(app, users):
    return _logged_in(app, "kasir")


@pytest.fixture
def manajer_client(app, users):
    return _logged_in(app, "manajer")


@pytest.fixture
def admin_client(app, users):
    return _logged_in(app, "admin")


@pytest.fixture
def make_product(app):
    """Create a product (and opening stock); keyword arguments override the defaults."""
    from posapp.catalog.barcodes import make_ean13
    from posapp.catalog.models import Product
    from posapp.catalog.stock import record_move
    counter = {"n": 0}

    def make(stock=10, **fields):
        counter["n"] += 1
        n = counter["n"]
        values = {"name": f"Produk {n}", "sku": f"SKU-{n:04d}", "barcode": make_ean13(f"899000{n:06d}"),
                  "category": "Umum", "unit": "pcs", "price": 10000, "cost": 7000}
        values.update(fields)
        product = Product(**values)
        db.session.add(product)
        db.session.flush()
        if stock:
            record_move(product, stock, "receive", note="stok awal")
        db.session.commit()
        return product
    return make


@pytest.fixture
def make_member(app, shop):
    """Register a member (committed); keyword arguments override the defaults, `credit_limit` too."""
    from posapp.members import registry

    def make(name="Ahmad Fauzi", credit_limit=0, **fields):
        values = registry.clean({"name": name, "kind": "santri", **fields})
        member = registry.register(values)
        member.credit_limit = credit_limit
        db.session.commit()
        return member
    return make
