"""hub login throttle

Admin login failures counted per account and per address; five lock the key for five minutes.

Revision ID: 5c1f0d7e2b9a
Revises: ab3582e43f88
Create Date: 2026-11-30 11:31:40.000000

"""
from alembic import op
import sqlalchemy as sa

import posapp.database


# revision identifiers, used by Alembic.
revision = '5c1f0d7e2b9a'
down_revision = 'ab3582e43f88'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('hub_login_throttle',
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', posapp.database.UTCDateTime(), nullable=True),
    sa.Column('last_failure_at', posapp.database.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_hub_login_throttle'))
    )


def downgrade():
    op.drop_table('hub_login_throttle')
