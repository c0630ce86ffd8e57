"""Stock moves valued: business day, moving average after the move, consignment owner

Revision ID: books_0001_stock_costing
Revises: sync_0001_faults
"""
from alembic import op
import sqlalchemy as sa

revision = "books_0001_stock_costing"
down_revision = "sync_0001_faults"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.add_column(sa.Column("business_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("avg_cost", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("owner_amount", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_stock_move_business_date", ["business_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_stock_move_owner_id"), ["owner_id"], unique=False)
    # moves made before: their WIB day, valued at the product's cost (the opening stock act books them)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE stock_move SET business_date = (at + interval '7 hours')::date")
    else:
        op.execute("UPDATE stock_move SET business_date = date(at, '+7 hours')")
    op.execute("UPDATE stock_move SET avg_cost = (SELECT cost FROM product WHERE product.id = stock_move.product_id)")


def downgrade():
    with op.batch_alter_table("stock_move", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_move_owner_id"))
        batch_op.drop_index("ix_stock_move_business_date")
        batch_op.drop_column("owner_amount")
        batch_op.drop_column("owner_id")
        batch_op.drop_column("avg_cost")
        batch_op.drop_column("business_date")
