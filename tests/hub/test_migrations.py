"""The hub's Alembic migrations build exactly the tables of its models (tests use create_all, production
`flask --app posapp.hub db upgrade`), and the newest ones go down and up again."""
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from posapp.hub import create_app
from posapp.hub.config import HubTestConfig
from posapp.hub.extensions import db

from .conftest import PG_SERVER


@pytest.fixture
def empty_database(hub_database):  # hub_database: skips when PostgreSQL is not there
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"hub_mig_{uuid.uuid4().hex[:10]}"
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    server.dispose()


def _differences():
    with db.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata)


def test_upgrade_builds_the_models_and_the_newest_revisions_go_down_and_up(empty_database, tmp_path):
    app = create_app(type("C", (HubTestConfig,), {"SQLALCHEMY_DATABASE_URI": empty_database}),
                     instance_path=str(tmp_path))
    with app.app_context():
        upgrade()
        assert _differences() == []
        downgrade(revision="0080e12e7706")  # before the rejection detail and the login throttle
        assert "hub_login_throttle" not in sa.inspect(db.engine).get_table_names()
        upgrade()
        assert _differences() == []
        db.engine.dispose()
