"""partitioned records

hub_record becomes a table partitioned by month of business date (UUIDs as the 16-byte uuid type, the
payload as the canonical JSON text the shop hashed, no per-row foreign key check); the UUIDs move to the slim hub_record_key (dedupe and the cross-shop check);
daily sums per kind, Samsat payments (with their latest verdict and what their settlements add up to),
curated products sold and the members each shop has are kept for the dashboard. The rows held so far
are copied over and the sums computed from them.

Follows the Samsat paid periods (hub_samsat_0001), which it leaves as they are.

Revision ID: hub_0005_partitioned_records
Revises: hub_samsat_0001_paid_periods
Create Date: 2026-11-30 12:15:15.345281

"""
import json

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

import posapp.database


# revision identifiers, used by Alembic.
revision = 'hub_0005_partitioned_records'
down_revision = 'hub_samsat_0001_paid_periods'
branch_labels = None
depends_on = None

SUM = sa.Numeric(precision=38, scale=0)
MAKE_PARTITIONS = """
DO $$ DECLARE month date; BEGIN
  FOR month IN SELECT DISTINCT date_trunc('month', business_date)::date FROM hub_record_old
               WHERE business_date IS NOT NULL LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF hub_record FOR VALUES FROM (%L) TO (%L)',
                   'hub_record_p' || to_char(month, 'YYYY_MM'), month, (month + interval '1 month')::date);
  END LOOP;
END $$"""
DAILY = """INSERT INTO hub_daily (shop_id, business_date, kind, records, amount)
SELECT shop_id, business_date, kind, count(*), coalesce(sum(amount), 0) FROM hub_record GROUP BY 1, 2, 3"""
PRODUCTS = """INSERT INTO hub_product_daily (shop_id, business_date, sku, qty, amount)
SELECT r.shop_id, r.business_date, l->>'sku',
       sum(CASE r.kind WHEN 'sale' THEN 1 ELSE -1 END * (l->>'qty')::numeric),
       sum(CASE r.kind WHEN 'sale' THEN 1 ELSE -1 END * (l->>'total')::numeric)
FROM (SELECT shop_id, business_date, kind, payload::jsonb AS payload FROM hub_record
      WHERE kind IN ('sale', 'refund', 'void')) r
CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(r.payload->'lines') WHEN 'array'
                                        THEN r.payload->'lines' ELSE '[]'::jsonb END) AS l
JOIN hub_curated_product c ON c.code = l->>'sku'
WHERE l->>'qty' ~ '^-?[0-9]+$' AND l->>'total' ~ '^-?[0-9]+$'
GROUP BY 1, 2, 3"""
SAMSAT = """INSERT INTO hub_samsat_payment (shop_id, business_date, uuid, status, pkb_opsen, swdkllj, fee,
                                difference, feed_seq, settled)
SELECT DISTINCT ON (r.shop_id, r.business_date, r.uuid) r.shop_id, r.business_date, r.uuid,
       CASE WHEN s.refunded THEN 'dikembalikan' ELSE c.payload->>'status' END,
       coalesce((r.payload->'bill'->>'pkb')::bigint, 0) + coalesce((r.payload->'bill'->>'opsen_pkb')::bigint, 0)
       + coalesce((r.payload->'bill'->>'denda_pkb')::bigint, 0)
       + coalesce((r.payload->'bill'->>'denda_opsen_pkb')::bigint, 0),
       coalesce((r.payload->'bill'->>'swdkllj')::bigint, 0) + coalesce((r.payload->'bill'->>'denda_swdkllj')::bigint, 0),
       coalesce((r.payload->>'fee')::bigint, 0), coalesce((c.payload->>'difference')::bigint, 0), c.seq,
       coalesce(s.settled, 0)
FROM (SELECT shop_id, business_date, uuid, payload::jsonb AS payload FROM hub_record
      WHERE kind = 'samsat_payment') r
JOIN hub_ref_change c ON c.stream = 'samsat' AND c.shop_id = r.shop_id AND c.key = r.uuid::text
LEFT JOIN (SELECT shop_id, p->>'payment_uuid' AS payment_uuid,
                  sum(CASE WHEN jsonb_typeof(p->'amount') <> 'number' THEN 0
                           WHEN kind = 'samsat_shortfall' THEN (p->>'amount')::numeric
                           WHEN p->>'reason' = 'kelebihan' THEN -(p->>'amount')::numeric ELSE 0 END) AS settled,
                  bool_or(p->>'reason' = 'ditolak') AS refunded
           FROM (SELECT shop_id, kind, payload::jsonb AS p FROM hub_record
                 WHERE kind IN ('samsat_refund', 'samsat_shortfall')) x GROUP BY 1, 2) s
       ON s.shop_id = r.shop_id AND s.payment_uuid = r.uuid::text
ORDER BY r.shop_id, r.business_date, r.uuid, c.seq DESC"""
# a payment refunded whole no longer holds its tax years (hub_samsat_0001 filled them without the refunds)
RELEASE = """DELETE FROM hub_samsat_period p USING hub_samsat_payment s
WHERE s.status = 'dikembalikan' AND p.payment_uuid = s.uuid::text AND p.shop_id = s.shop_id"""
MEMBERS = """INSERT INTO hub_member (shop_id, member_uuid)
SELECT DISTINCT shop_id, payload::jsonb->>'member_uuid' FROM hub_record
WHERE kind = 'member' AND jsonb_typeof(payload::jsonb->'member_uuid') = 'string'
  AND length(payload::jsonb->>'member_uuid') BETWEEN 1 AND 64"""


def _canonical(text):
    """jsonb's own rendering → the canonical JSON the shop hashed (sorted keys, compact, UTF-8)."""
    return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _move_records():
    """The rows held so far into the partitioned table, payloads as canonical text (in slices of 5,000)."""
    bind = op.get_bind()
    table = sa.table('hub_record', *[sa.column(c.name) for c in _record_columns(sa.Uuid(as_uuid=False), True)])
    result = bind.execute(sa.text(
        "SELECT shop_id, business_date, uuid, seq, kind, amount, sha256, coalesce(payload, '{}'::jsonb)::text"
        " AS payload, received_at FROM hub_record_old").execution_options(stream_results=True, yield_per=5000))
    for rows in result.mappings().partitions():
        bind.execute(table.insert(), [{**row, "payload": _canonical(row["payload"])} for row in rows])


def _record_columns(uuid_type, partitioned):
    return [sa.Column('shop_id', sa.Integer(), nullable=False),
            sa.Column('business_date', sa.Date(), nullable=False),
            sa.Column('uuid', uuid_type, nullable=False),
            sa.Column('seq', sa.BigInteger(), nullable=False),
            sa.Column('kind', sa.String(length=30), nullable=False),
            sa.Column('amount', sa.BigInteger(), nullable=False),
            sa.Column('sha256', sa.String(length=64), nullable=False),
            sa.Column('payload', sa.Text() if partitioned else postgresql.JSONB(astext_type=sa.Text()),
                      nullable=not partitioned),
            sa.Column('received_at', posapp.database.UTCDateTime(), nullable=True)]


def upgrade():
    op.rename_table('hub_record', 'hub_record_old')
    op.execute("ALTER TABLE hub_record_old RENAME CONSTRAINT pk_hub_record TO pk_hub_record_old")
    op.drop_constraint('fk_hub_record_shop_id_hub_koperasi', 'hub_record_old', type_='foreignkey')
    op.drop_index('ix_hub_record_shop_day', table_name='hub_record_old')
    op.drop_index('ix_hub_record_uuid', table_name='hub_record_old')
    op.create_table('hub_record', *_record_columns(sa.Uuid(as_uuid=False), True),
                    sa.PrimaryKeyConstraint('shop_id', 'business_date', 'uuid', name=op.f('pk_hub_record')),
                    postgresql_partition_by='RANGE (business_date)')
    op.create_table('hub_record_key',
                    sa.Column('uuid', sa.Uuid(as_uuid=False), nullable=False),
                    sa.Column('shop_id', sa.Integer(), nullable=False),
                    sa.Column('business_date', sa.Date(), nullable=False),
                    sa.PrimaryKeyConstraint('uuid', name=op.f('pk_hub_record_key')))
    _create_sums()
    op.add_column('hub_koperasi', sa.Column('samsat_feed_seq', sa.BigInteger(), server_default='0', nullable=False))
    op.execute(MAKE_PARTITIONS)
    _move_records()
    op.execute("INSERT INTO hub_record_key SELECT uuid::uuid, shop_id, business_date FROM hub_record_old"
               " ON CONFLICT (uuid) DO NOTHING")
    op.drop_table('hub_record_old')
    op.execute(DAILY)
    op.execute(PRODUCTS)
    op.execute(SAMSAT)
    op.execute(RELEASE)
    op.execute(MEMBERS)


def _create_sums():
    op.create_table('hub_daily',
                    sa.Column('shop_id', sa.Integer(), nullable=False),
                    sa.Column('business_date', sa.Date(), nullable=False),
                    sa.Column('kind', sa.String(length=30), nullable=False),
                    sa.Column('records', sa.BigInteger(), nullable=False),
                    sa.Column('amount', SUM, nullable=False),
                    sa.PrimaryKeyConstraint('shop_id', 'business_date', 'kind', name=op.f('pk_hub_daily')))
    op.create_index('ix_hub_daily_day', 'hub_daily', ['business_date'], unique=False)
    op.create_table('hub_product_daily',
                    sa.Column('shop_id', sa.Integer(), nullable=False),
                    sa.Column('business_date', sa.Date(), nullable=False),
                    sa.Column('sku', sa.String(length=40), nullable=False),
                    sa.Column('qty', SUM, nullable=False),
                    sa.Column('amount', SUM, nullable=False),
                    sa.PrimaryKeyConstraint('shop_id', 'business_date', 'sku', name=op.f('pk_hub_product_daily')))
    op.create_index('ix_hub_product_daily_day', 'hub_product_daily', ['business_date'], unique=False)
    op.create_table('hub_samsat_payment',
                    sa.Column('shop_id', sa.Integer(), nullable=False),
                    sa.Column('business_date', sa.Date(), nullable=False),
                    sa.Column('uuid', sa.Uuid(as_uuid=False), nullable=False),
                    sa.Column('status', sa.String(length=20), nullable=False),
                    *[sa.Column(name, sa.BigInteger(), nullable=False)
                      for name in ('pkb_opsen', 'swdkllj', 'fee', 'difference', 'feed_seq')],
                    sa.Column('settled', SUM, nullable=False),
                    sa.PrimaryKeyConstraint('shop_id', 'business_date', 'uuid', name=op.f('pk_hub_samsat_payment')))
    op.create_index('ix_hub_samsat_payment_day', 'hub_samsat_payment', ['business_date'], unique=False)
    op.create_table('hub_member',
                    sa.Column('shop_id', sa.Integer(), nullable=False),
                    sa.Column('member_uuid', sa.String(length=64), nullable=False),
                    sa.PrimaryKeyConstraint('shop_id', 'member_uuid', name=op.f('pk_hub_member')))


def downgrade():
    op.create_table('hub_record_old', *_record_columns(sa.String(length=36), False),
                    sa.ForeignKeyConstraint(['shop_id'], ['hub_koperasi.id'],
                                            name=op.f('fk_hub_record_shop_id_hub_koperasi')),
                    sa.PrimaryKeyConstraint('shop_id', 'uuid', name=op.f('pk_hub_record_old')))
    op.execute("INSERT INTO hub_record_old SELECT shop_id, business_date, uuid::text, seq, kind, amount, sha256,"
               " payload::jsonb, received_at FROM hub_record")
    op.drop_table('hub_record')  # and its partitions
    op.rename_table('hub_record_old', 'hub_record')
    op.execute("ALTER TABLE hub_record RENAME CONSTRAINT pk_hub_record_old TO pk_hub_record")
    op.alter_column('hub_record', 'business_date', existing_type=sa.Date(), nullable=True)
    op.alter_column('hub_record', 'payload', existing_type=postgresql.JSONB(astext_type=sa.Text()), nullable=True)
    op.create_index('ix_hub_record_shop_day', 'hub_record', ['shop_id', 'business_date'], unique=False)
    op.create_index('ix_hub_record_uuid', 'hub_record', ['uuid'], unique=False)
    op.drop_column('hub_koperasi', 'samsat_feed_seq')
    for table in ('hub_member', 'hub_samsat_payment', 'hub_product_daily', 'hub_daily', 'hub_record_key'):
        op.drop_table(table)
