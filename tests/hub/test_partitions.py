"""hub_record's monthly partitions: made ahead by a daily command, or by the ingest when a batch brings a month
that has none (a shop catching up on an old year); a record always lands in its month."""
from datetime import date

import sqlalchemy as sa

from posapp import clock
from posapp.hub.extensions import db
from posapp.hub.partitions import ahead, next_month, partition_name

from .helpers import batch, body, record


def _partitions(hub):
    return set(hub(lambda: db.session.scalars(sa.text(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'hub_record'::regclass")).all()))


def test_months_ahead_roll_over_the_year():
    assert ahead(date(2026, 11, 24), 3) == [date(2026, 11, 1), date(2026, 12, 1), date(2027, 1, 1), date(2027, 2, 1)]
    assert next_month(date(2026, 12, 1)) == date(2027, 1, 1)
    assert partition_name(date(2027, 1, 1)) == "hub_record_p2027_01"


def test_the_daily_command_makes_this_month_and_the_next_ones_and_is_idempotent(hub_app, hub):
    runner = hub_app.test_cli_runner()
    for _ in range(2):
        result = runner.invoke(args=["create-partitions", "--months-ahead", "2"])
        assert result.exit_code == 0, result.output
    assert {partition_name(month) for month in ahead(clock.today(), 2)} <= _partitions(hub)


def test_an_old_month_gets_its_partition_from_the_ingest_and_each_record_its_month(hub_key, hub):
    records = [record(1, day="2009-03-31"), record(2, day="2009-04-01")]
    answer = hub_key.post("/sync/batches", body=body(batch(records)))
    assert answer["results"]["created"] == 2
    assert {"hub_record_p2009_03", "hub_record_p2009_04"} <= _partitions(hub)
    held = hub(lambda: db.session.execute(sa.text(
        "SELECT tableoid::regclass::text, uuid::text FROM hub_record WHERE shop_id = 1 ORDER BY seq")).all())
    assert held == [("hub_record_p2009_03", records[0]["uuid"]), ("hub_record_p2009_04", records[1]["uuid"])]
