"""The migrations build exactly the schema the models describe, with the ledger's triggers."""
import uuid

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade

from posapp import create_app
from posapp.config import TestConfig
from posapp.extensions import db
from posapp.catalog.search import INDEX_OBJECTS  # the name search index lives beside the models
from tests.conftest import PG_SERVER


@pytest.fixture
def empty_database_url(tmp_path):
    if not PG_SERVER:
        yield f"sqlite:///{tmp_path / 'migrated.db'}"
        return
    name = f"posapp_mig_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    with server.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    server.dispose()


@pytest.fixture
def migrated_app(empty_database_url, tmp_path):
    config = type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": empty_database_url})
    app = create_app(config, instance_path=str(tmp_path / "instance"))
    with app.app_context():
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_migrations_match_the_models(migrated_app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, db.metadata)
                       if not (isinstance(d, tuple) and "apscheduler" in str(d))
                       and not any(name in str(d) for name in INDEX_OBJECTS)]
    assert differences == []


def test_migrated_ledger_refuses_editing_a_posted_line(migrated_app):
    from datetime import date

    from posapp.ledger import acts
    from posapp.ledger.models import JournalLine
    acts.post_setoran(uuid=str(uuid.uuid4()), business_date=date(2026, 11, 24), amount=1000, doc_no="SETOR-1")
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.update(JournalLine).values(debit=JournalLine.debit + 1))
    db.session.rollback()


def test_migrated_lock_lets_only_the_year_close_onto_a_closed_31_december(migrated_app):
    db.session.execute(sa.text(
        "INSERT INTO day_close (uuid, business_date, closed_at, closed_by, cash_expected, cash_counted, difference,"
        " unsent_records, note) VALUES ('d', '2026-12-31', '2027-01-01 00:00:00', 'manajer', 0, 0, 0, 0, '')"))
    insert = sa.text("INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref,"
                     " source_uuid, party, description, created_by) VALUES (:s, :s, '2026-12-31',"
                     " '2027-01-02 00:00:00', :s, '', '', '', '', '')")
    db.session.execute(insert, {"s": "year_close"})
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(insert, {"s": "sale"})
    db.session.rollback()
