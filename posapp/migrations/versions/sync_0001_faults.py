"""sync faults: rejection detail (seq may be unknown), the sync page's event log

Revision ID: sync_0001_faults
Revises: samsat_0001_paid_once
Create Date: 2026-11-30 10:00:00

"""
from alembic import op
import sqlalchemy as sa

import posapp.database  # noqa: F401 - UTCDateTime columns


# revision identifiers, used by Alembic.
revision = 'sync_0001_faults'
down_revision = 'samsat_0001_paid_once'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('sync_rejection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('detail', sa.Text(), server_default='', nullable=False))
        batch_op.alter_column('seq', existing_type=sa.Integer(), nullable=True)

    op.create_table('sync_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', posapp.database.UTCDateTime(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_event'))
    )
    with op.batch_alter_table('sync_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_event_at'), ['at'], unique=False)


def downgrade():
    with op.batch_alter_table('sync_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_event_at'))

    op.drop_table('sync_event')
    with op.batch_alter_table('sync_rejection', schema=None) as batch_op:
        batch_op.alter_column('seq', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('detail')
