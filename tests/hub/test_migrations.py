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


@pytest.fixture
def empty_database(hub_database):
    """An empty schema of the run's database, first on the search path (no CREATE DATABASE: dropping a
    database makes PostgreSQL checkpoint, seconds on a slow disk)."""
    name = f"hub_mig_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(hub_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    yield sa.engine.make_url(hub_database).update_query_dict({"options": f"-csearch_path={name}"}) \
        .render_as_string(hide_password=False)
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    engine.dispose()


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
