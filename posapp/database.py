"""Database plumbing shared by every feature: column types, SQLite pragmas, ids."""
import os
import time
import uuid
from datetime import datetime, timezone
from functools import lru_cache

from sqlalchemy import DateTime, String, bindparam, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import make_transient_to_detached
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
    """A new record's UUID: time-ordered (v7), so the hub's indexes grow at one end instead of everywhere."""
    return uuid7()


def uuid7(unix_ms: int | None = None, entropy: int | None = None) -> str:
    """RFC 9562 UUIDv7: 48 bits of Unix milliseconds, version 7, variant 10, 74 random bits (or 74 bits of
    `entropy`, e.g. a name-based hash, for a UUID that is the same each time it is made)."""
    ms = time.time_ns() // 1_000_000 if unix_ms is None else unix_ms
    rand = int.from_bytes(os.urandom(10), "big") if entropy is None else entropy  # 74 bits used
    value = ((ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | (rand >> 62 & 0xFFF) << 64
             | 0b10 << 62 | rand & 0x3FFF_FFFF_FFFF_FFFF)
    return str(uuid.UUID(int=value))


def time_of_uuid7(text) -> int | None:
    """The Unix milliseconds of a UUIDv7 given as text, or None for any other UUID or text."""
    try:
        value = uuid.UUID(str(text))
    except ValueError:
        return None
    return value.int >> 80 if value.version == 7 else None


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
    connection = db.session.connection()
    statement = _counter_statement(model, tuple(keys), column, connection.dialect.name)
    return connection.execute(statement, keys).scalar_one()


@lru_cache(maxsize=None)
def _counter_statement(model, key_names: tuple, column: str, dialect: str):
    """Built once per counter: several counters are bumped on every sale, and building costs more than running."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    table = model.__table__
    statement = (pg_insert if dialect == "postgresql" else sqlite_insert)(table)
    statement = statement.values({**{k: bindparam(k) for k in key_names}, column: 1})
    return (statement.on_conflict_do_update(index_elements=list(key_names), set_={column: table.c[column] + 1})
            .returning(table.c[column]))


def attach(obj):
    """Make `obj`, whose row a Core INSERT just wrote (primary key set), persistent without a flush.

    The unit of work costs more than the INSERT itself on the sale's hot path; attaching keeps the
    object usable (lazy relationships, identity map) as if it had been flushed.
    """
    from .extensions import db
    make_transient_to_detached(obj)
    db.session.add(obj)
    return obj


def is_sqlite(engine) -> bool:
    return engine.dialect.name == "sqlite"
