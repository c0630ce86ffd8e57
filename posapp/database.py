"""Database plumbing shared by every feature: column types, SQLite pragmas, ids."""
import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, String, event
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeDecorator

from . import clock


class UTCDateTime(TypeDecorator):
    """Stores naive UTC, hands back aware UTC datetimes (SQLite keeps no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use posapp.clock")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


def new_uuid() -> str:
    return str(uuid.uuid4())


def UUIDColumn():  # noqa: N802 - reads like a type
    return String(36)


def utcnow() -> datetime:
    return clock.now()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """WAL, full fsync, foreign keys and a busy timeout on every SQLite connection."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def upsert_insert(model):
    """An INSERT that supports on_conflict_do_update/nothing on the session's database (SQLite or PostgreSQL)."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from .extensions import db
    postgres = db.session.get_bind().dialect.name == "postgresql"
    return (pg_insert if postgres else sqlite_insert)(model)


def bump_counter(model, keys: dict, column: str = "last_no") -> int:
    """Add 1 to `column` of the counter row with `keys` (created at 1) in one atomic statement.

    Runs inside the caller's transaction, so a rolled-back act gives its number back (gap-free), and
    two tills never draw the same number: SQLite serialises writers, PostgreSQL locks the row.
    """
    from .extensions import db
    counter = getattr(model, column)
    statement = (upsert_insert(model).values(**keys, **{column: 1})
                 .on_conflict_do_update(index_elements=list(keys), set_={column: counter + 1})
                 .returning(counter))
    return db.session.execute(statement).scalar_one()


def is_sqlite(engine) -> bool:
    return engine.dialect.name == "sqlite"
