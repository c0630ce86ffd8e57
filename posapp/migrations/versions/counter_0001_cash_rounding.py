"""cash rounding on sales and Samsat payments

Revision ID: counter_0001_cash_rounding
Revises: wallet_0001_wallets
Create Date: 2026-11-30 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'counter_0001_cash_rounding'
down_revision = 'wallet_0001_wallets'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('sale', 'samsat_payment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('rounding', sa.BigInteger(), server_default='0', nullable=False))


def downgrade():
    for table in ('samsat_payment', 'sale'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('rounding')
