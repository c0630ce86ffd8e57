"""rejection detail

Refused records keep their kind, a detail and the record as sent (made storable); seq may be unknown.

Revision ID: ab3582e43f88
Revises: 0080e12e7706
Create Date: 2026-11-30 11:30:51.070751

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ab3582e43f88'
down_revision = '0080e12e7706'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('hub_rejection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=30), server_default='', nullable=False))
        batch_op.add_column(sa.Column('detail', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('payload', sa.Text(), server_default='', nullable=False))
        batch_op.alter_column('seq',
               existing_type=sa.BIGINT(),
               nullable=True)


def downgrade():
    op.execute("UPDATE hub_rejection SET seq = 0 WHERE seq IS NULL")  # the old table had no unknown seq
    with op.batch_alter_table('hub_rejection', schema=None) as batch_op:
        batch_op.alter_column('seq',
               existing_type=sa.BIGINT(),
               nullable=False)
        batch_op.drop_column('payload')
        batch_op.drop_column('detail')
        batch_op.drop_column('kind')
