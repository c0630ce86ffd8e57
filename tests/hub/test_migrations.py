"""The hub's Alembic migrations build exactly the tables of its models (tests use create_all, production
`flask --app posapp.hub db upgrade`), and the newest ones go down and up again."""
import hashlib
import json
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


OLD_ROWS = [  # (shop, uuid, seq, kind, day, amount, payload) as the table held them before the partitioning
    (1, "0b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 1, "sale", "2026-01-05", 10_000,
     {"total": 10_000, "lines": [{"sku": "OPOP-1", "qty": 2, "total": 10_000}, {"sku": "X", "qty": 1, "total": 1}]}),
    (1, "1b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 2, "refund", "2026-02-05", 5_000,
     {"total": 5_000, "lines": [{"sku": "OPOP-1", "qty": 1, "total": 5_000}]}),
    (1, "2b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 3, "samsat_payment", "2026-02-06", 300_000,
     {"total": 300_000, "fee": 5_000, "bill": {"pkb": 100_000, "opsen_pkb": 66_000, "swdkllj": 35_000}}),
    (2, "3b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 1, "journal_entry", "2026-02-06", 7,
     {"lines": [{"account": "1101", "debit": 7, "credit": 0}], "memo": "ä ü"}),
]


def _seed_old_table(conn):
    from posapp.hub.validate import payload_sha256
    conn.execute(sa.text("INSERT INTO hub_koperasi (id, code, name, regency, last_seq, created_at) VALUES "
                         "(1, 'KOP01', 'A', 'Jombang', 3, now()), (2, 'KOP02', 'B', 'Kediri', 1, now())"))
    conn.execute(sa.text("INSERT INTO hub_curated_product (code, version, name, category, unit, recommended_price,"
                         " pesantren, halal_cert, active, feed_seq, updated_by, updated_at) VALUES ('OPOP-1', 1,"
                         " 'Kopi', 'Kopi', 'pcs', 5000, 'PP Tebuireng', '', true, 0, '', now())"))
    for shop, uuid_, seq, kind, day, amount, payload in OLD_ROWS:
        conn.execute(sa.text("INSERT INTO hub_record VALUES (:shop, :uuid, :seq, :kind, :day, :amount, :sha,"
                             " CAST(:payload AS jsonb), now())"),
                     {"shop": shop, "uuid": uuid_, "seq": seq, "kind": kind, "day": day, "amount": amount,
                      "sha": payload_sha256(payload), "payload": json.dumps(payload)})
    conn.execute(sa.text("INSERT INTO hub_ref_change (stream, shop_id, key, payload, created_at) VALUES ('samsat', 1,"
                         " '2b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f', '{\"status\": \"selisih\", \"difference\": -2000}',"
                         " now())"))


def test_the_partitioning_migration_keeps_every_record_and_computes_the_sums(empty_database, tmp_path):
    app = create_app(type("C", (HubTestConfig,), {"SQLALCHEMY_DATABASE_URI": empty_database}),
                     instance_path=str(tmp_path))
    with app.app_context():
        upgrade(revision="5c1f0d7e2b9a")
        with db.engine.begin() as conn:
            _seed_old_table(conn)
        upgrade()
        with db.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT shop_id, uuid::text, kind, payload, sha256 FROM hub_record"
                                        " ORDER BY shop_id, seq")).all()
            partitions = conn.execute(sa.text("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON"
                                              " c.oid = i.inhrelid WHERE i.inhparent = 'hub_record'::regclass ORDER BY 1")).scalars().all()
            keys = conn.execute(sa.text("SELECT uuid::text, shop_id FROM hub_record_key")).all()
            daily = conn.execute(sa.text("SELECT kind, records, amount FROM hub_daily ORDER BY kind")).all()
            products = conn.execute(sa.text("SELECT sku, qty, amount FROM hub_product_daily ORDER BY 1, 2")).all()
            samsat = conn.execute(sa.text("SELECT status, pkb_opsen, swdkllj, fee, difference"
                                          " FROM hub_samsat_payment")).all()
        assert [(r[0], r[1], r[2]) for r in rows] == [(s, u, k) for s, u, _, k, *_ in OLD_ROWS]
        for (*_, payload), row in zip(OLD_ROWS, rows):  # the exact text that was hashed, again
            assert json.loads(row[3]) == payload and hashlib.sha256(row[3].encode()).hexdigest() == row[4]
        assert partitions == ["hub_record_p2026_01", "hub_record_p2026_02"]
        assert sorted(keys) == sorted((u, s) for s, u, *_ in OLD_ROWS)
        assert [tuple(r) for r in daily] == [("journal_entry", 1, 7), ("refund", 1, 5_000),
                                             ("sale", 1, 10_000), ("samsat_payment", 1, 300_000)]
        assert [tuple(r) for r in products] == [("OPOP-1", -1, -5_000), ("OPOP-1", 2, 10_000)]
        assert [tuple(r) for r in samsat] == [("selisih", 166_000, 35_000, 5_000, -2_000)]
        downgrade(revision="5c1f0d7e2b9a")
        with db.engine.connect() as conn:
            back = conn.execute(sa.text("SELECT uuid, payload FROM hub_record ORDER BY shop_id, seq")).all()
        assert [(u, p) for u, p in back] == [(u, p) for _, u, _, _, _, _, p in OLD_ROWS]
        db.engine.dispose()


SAMSAT_ROWS = [  # (uuid, seq, kind, payload, verdicts on the feed, oldest first)
    ("4b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 1, "samsat_payment",
     {"plate": "L 1 A", "transaction_no": "SAM-1", "bill_total": 99_000, "fee": 1_000,
      "bill": {"pkb": 60_000, "swdkllj": 40_000, "total": 100_000, "years": [{"due": "2026-01-10"}]}},
     [{"status": "selisih", "difference": 1_000, "hub_total": 100_000},
      {"status": "terkonfirmasi", "difference": 0, "hub_total": 100_000}]),
    ("5b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 2, "samsat_shortfall",
     {"payment_uuid": "4b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", "amount": 1_000, "reason": "kurang"}, []),
    ("6b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 3, "samsat_payment",
     {"plate": "L 2 B", "transaction_no": "SAM-2", "bill": {"pkb": 10_000, "total": 10_000}}, [{"status": "ditolak"}]),
    ("7b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 4, "samsat_refund",
     {"payment_uuid": "6b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", "amount": 10_000, "reason": "ditolak"}, []),
    ("cb7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 8, "samsat_payment",
     {"plate": "L 3 C", "transaction_no": "SAM-3", "bill": {"pkb": 20_000, "total": 20_000,
                                                          "years": [{"due": "2026-01-15"}]}},
     [{"status": "terkonfirmasi", "difference": 0}]),
    ("db7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 9, "samsat_refund",
     {"payment_uuid": "cb7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", "amount": 20_000, "reason": "ditolak"}, []),
    ("8b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 5, "member", {"member_uuid": "m-1", "name": "Ani"}, []),
    ("9b7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 6, "member", {"member_uuid": "m-1", "name": "Ani S."}, []),
    ("ab7c2f4e-5d1a-4c3b-9e8f-1a2b3c4d5e6f", 7, "member", {"member_uuid": "m-2", "name": "Budi"}, []),
]


def test_the_chain_keeps_paid_periods_and_fills_payments_settlements_and_members(empty_database, tmp_path):
    """hub_samsat_0001 (paid periods) runs on the old table, hub_0005 after it: a payment's row carries its
    latest verdict and what its settlements add up to; a whole refund is dikembalikan; members counted once."""
    from posapp.hub.validate import payload_sha256
    app = create_app(type("C", (HubTestConfig,), {"SQLALCHEMY_DATABASE_URI": empty_database}),
                     instance_path=str(tmp_path))
    with app.app_context():
        upgrade(revision="5c1f0d7e2b9a")
        with db.engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO hub_koperasi (id, code, name, regency, last_seq, created_at) VALUES "
                                 "(1, 'KOP01', 'A', 'Jombang', 9, now())"))
            for uuid_, seq, kind, payload, verdicts in SAMSAT_ROWS:
                conn.execute(sa.text("INSERT INTO hub_record VALUES (1, :uuid, :seq, :kind, '2026-01-20', 0, :sha,"
                                     " CAST(:payload AS jsonb), now())"),
                             {"uuid": uuid_, "seq": seq, "kind": kind, "sha": payload_sha256(payload),
                              "payload": json.dumps(payload)})
                for verdict in verdicts:
                    conn.execute(sa.text("INSERT INTO hub_ref_change (stream, shop_id, key, payload, created_at)"
                                         " VALUES ('samsat', 1, :key, CAST(:payload AS jsonb), now())"),
                                 {"key": uuid_, "payload": json.dumps(verdict)})
        upgrade()
        with db.engine.connect() as conn:
            payments = conn.execute(sa.text("SELECT uuid::text, status, pkb_opsen, swdkllj, fee, difference, settled,"
                                            " feed_seq FROM hub_samsat_payment ORDER BY uuid")).all()
            periods = conn.execute(sa.text("SELECT plate, due::text, payment_uuid FROM hub_samsat_period")).all()
            members = conn.execute(sa.text("SELECT shop_id, member_uuid FROM hub_member ORDER BY 2")).all()
        first, second, third = SAMSAT_ROWS[0][0], SAMSAT_ROWS[2][0], SAMSAT_ROWS[4][0]
        assert [tuple(r) for r in payments] == [(first, "terkonfirmasi", 60_000, 40_000, 1_000, 0, 1_000, 2),
                                                (second, "dikembalikan", 10_000, 0, 0, 0, 0, 3),
                                                (third, "dikembalikan", 20_000, 0, 0, 0, 0, 4)]
        # the paid periods as hub_samsat_0001 held them, less the year of the payment refunded whole
        assert [tuple(r) for r in periods] == [("L1A", "2026-01-10", first)]
        assert [tuple(r) for r in members] == [(1, "m-1"), (1, "m-2")]
        downgrade(revision="5c1f0d7e2b9a")
        assert "hub_samsat_period" not in sa.inspect(db.engine).get_table_names()
        db.engine.dispose()
