"""Monthly partitions of hub_record, made ahead by the hub itself.

`flask --app posapp.hub create-partitions` (daily, from cron) makes this month and the next ones; an
ingest that brings a month with no partition yet (a shop catching up on an old year) makes it first.
The DDL runs on a connection of its own, never inside an ingest's transaction: creating a partition
locks the parent table, and a transaction that has already written to it would deadlock with another.
"""
from datetime import date

from flask import current_app
from sqlalchemy import text

from .extensions import db
from .facts import PARTITIONED

LOCK_KEY = 7_170_001           # pg_advisory_xact_lock: one partition maker at a time, across workers
LOCK_TIMEOUT = "5s"            # waiting longer for the parent's lock would stall every ingest behind it


class PartitionBusy(Exception):
    """The parent table stayed locked (a long read): the ingest answers 503 and the shop retries."""


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def partition_name(month: date) -> str:
    return f"{PARTITIONED}_p{month:%Y_%m}"


def existing(connection) -> set[date]:
    """Months that have a partition (read from the catalogue)."""
    rows = connection.execute(text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass(:parent)"), {"parent": PARTITIONED}).scalars()
    prefix = f"{PARTITIONED}_p"
    return {date(int(name[len(prefix):][:4]), int(name[-2:]), 1) for name in rows if name.startswith(prefix)}


def ensure(days) -> None:
    """Make sure every month of `days` (checked TTTT-BB-HH texts) has its partition (cached per app: a
    lookup only on a new month)."""
    known = current_app.extensions.setdefault("hub_partitions", set())
    wanted = {date(int(month[:4]), int(month[5:7]), 1) for month in {day[:7] for day in days}} - known
    if wanted:
        known |= create(wanted)


def create(months) -> set[date]:
    """Create the missing partitions of `months`; returns every month that now has one."""
    from sqlalchemy.exc import OperationalError
    try:
        with db.engine.connect() as connection, connection.begin():
            connection.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'"))
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            have = existing(connection)
            for month in sorted(set(months) - have):
                connection.execute(text(
                    f'CREATE TABLE "{partition_name(month)}" PARTITION OF {PARTITIONED} '
                    f"FOR VALUES FROM ('{month.isoformat()}') TO ('{next_month(month).isoformat()}')"))
            return have | set(months)
    except OperationalError as exc:  # lock_timeout: another transaction holds the parent table
        raise PartitionBusy(str(exc.orig)) from exc


def ahead(today: date, months: int) -> list[date]:
    """This month and the `months` after it."""
    out = [month_of(today)]
    for _ in range(months):
        out.append(next_month(out[-1]))
    return out
