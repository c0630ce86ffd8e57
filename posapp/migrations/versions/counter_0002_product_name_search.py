"""product name search index: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL

Revision ID: counter_0002_product_name_search
Revises: counter_0001_cash_rounding
Create Date: 2026-11-30 12:30:00

"""
from alembic import op

revision = 'counter_0002_product_name_search'
down_revision = 'counter_0001_cash_rounding'
branch_labels = None
depends_on = None

# frozen copy of posapp/catalog/search.py at this revision
SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS product_fts USING fts5(name, content='product', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS trg_product_fts_insert AFTER INSERT ON product BEGIN "
    "INSERT INTO product_fts(rowid, name) VALUES (new.id, new.name); END",
    "CREATE TRIGGER IF NOT EXISTS trg_product_fts_delete AFTER DELETE ON product BEGIN "
    "INSERT INTO product_fts(product_fts, rowid, name) VALUES ('delete', old.id, old.name); END",
    "CREATE TRIGGER IF NOT EXISTS trg_product_fts_update AFTER UPDATE OF name ON product BEGIN "
    "INSERT INTO product_fts(product_fts, rowid, name) VALUES ('delete', old.id, old.name); "
    "INSERT INTO product_fts(rowid, name) VALUES (new.id, new.name); END",
    "INSERT INTO product_fts(product_fts) VALUES ('rebuild')",
]
POSTGRES_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_product_name_trgm ON product USING gin (name gin_trgm_ops)",
]


def upgrade():
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_DDL if dialect == "sqlite" else POSTGRES_DDL if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_product_fts_{name}")
        op.execute("DROP TABLE IF EXISTS product_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_product_name_trgm")
