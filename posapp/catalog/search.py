"""Name search for the cashier: an FTS5 trigram index on SQLite, a pg_trgm GIN index on PostgreSQL.

A LIKE '%kopi%' over 50,000 names is a full scan (tens of ms on every keystroke of an old PC). The
index answers "names containing these letters" from trigrams, ranked (bm25 on SQLite, similarity on
PostgreSQL). SQLite keeps `product_fts` (external content: only the index, the names stay in
`product`) up to date with triggers, so every writer — the catalogue service, the CSV import, the
curated feed, raw SQL — keeps it right. The DDL is attached to the product table's creation (tests,
create_all) and run by the migration `counter_0002_product_name_search`.
"""
from sqlalchemy import DDL, Integer, bindparam, column, event, func, text

from ..extensions import db
from .models import Product, StockLevel

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
]
SQLITE_REBUILD = "INSERT INTO product_fts(product_fts) VALUES ('rebuild')"
POSTGRES_DDL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS ix_product_name_trgm ON product USING gin (name gin_trgm_ops)",
]
# what the migrations check leaves alone: these live beside the models, not in them
INDEX_OBJECTS = ("product_fts", "ix_product_name_trgm")


def attach(metadata) -> None:
    """Build the index right after the product table (create_all); once per metadata."""
    if metadata.info.get("product_name_search"):
        return
    metadata.info["product_name_search"] = True
    table = metadata.tables["product"]
    for dialect, statements in (("sqlite", SQLITE_DDL), ("postgresql", POSTGRES_DDL)):
        for statement in statements:
            event.listen(table, "after_create", DDL(statement).execute_if(dialect=dialect))


def _words(term: str) -> list[str]:
    return [w for w in term.lower().split() if w][:8]


def _fts_match(words: list[str]) -> str | None:
    """The FTS5 query of the words a trigram index can answer (three letters or more), or None."""
    long_words = [w for w in words if len(w) >= 3]
    return " ".join('"' + w.replace('"', '""') + '"' for w in long_words) if long_words else None


def narrowing_ids(term: str):
    """On SQLite, a subquery of the product ids whose names hold every long word of `term` (active or not),
    for a list that then checks its own condition on fewer rows; None where the index cannot help."""
    match = _fts_match(_words(term)) if db.engine.dialect.name == "sqlite" else None
    if match is None:
        return None
    return (text("SELECT rowid FROM product_fts WHERE product_fts MATCH :match").bindparams(match=match)
            .columns(column("rowid", Integer)))


def _ids_sqlite(term: str, limit: int) -> list[int]:
    words = _words(term)
    match = _fts_match(words)
    if match is None:
        return []
    sql = ("SELECT p.id FROM product_fts f JOIN product p ON p.id = f.rowid "
           "WHERE product_fts MATCH :match AND p.active = 1")
    params = {"match": match, "limit": limit}
    for i, word in enumerate(w for w in words if len(w) < 3):  # short words still have to be in the name
        sql += f" AND p.name LIKE :short{i}"
        params[f"short{i}"] = f"%{word}%"
    return list(db.session.execute(text(sql + " ORDER BY f.rank LIMIT :limit"), params).scalars())


def _ids_postgres(term: str, limit: int) -> list[int]:
    words = _words(term)
    if not words:
        return []
    sql = "SELECT id FROM product WHERE active"
    params = {"term": term.lower(), "limit": limit}
    for i, word in enumerate(words):
        sql += f" AND name ILIKE :w{i}"
        params[f"w{i}"] = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql += " ORDER BY similarity(lower(name), :term) DESC, name LIMIT :limit"
    return list(db.session.execute(text(sql), params).scalars())


def _ids_like(term: str, limit: int) -> list[int]:
    """Two letters (no trigram yet): a plain scan that stops at the first `limit` names."""
    like = "%" + term.replace("%", "").replace("_", "") + "%"
    return list(db.session.scalars(db.select(Product.id).where(Product.active.is_(True), Product.name.ilike(like))
                                   .order_by(Product.name).limit(limit)))


def name_ids(term: str, limit: int = 20) -> list[int]:
    """Ids of active products whose name holds every word of `term`, best first."""
    term = " ".join(term.split())
    if len(term.replace(" ", "")) < 3:
        return _ids_like(term, limit)
    if db.engine.dialect.name == "postgresql":
        return _ids_postgres(term, limit)
    return _ids_sqlite(term, limit)


# built once: the cashier's search runs on every keystroke
_ACTIVE_SKU = db.select(Product.id).where(Product.sku == bindparam("sku"), Product.active.is_(True))
_CARDS = (db.select(Product.id, Product.name, Product.sku, Product.barcode, Product.unit, Product.price,
                    Product.member_price, func.coalesce(StockLevel.on_hand, 0).label("on_hand"))
          .outerjoin(StockLevel, StockLevel.product_id == Product.id)
          .where(Product.id.in_(bindparam("ids", expanding=True))))


def search_products(term: str, limit: int = 20) -> list:
    """The cashier's search: an exact SKU first, then names through the index, ranked. Rows with what the
    screen shows (catalog.api.product_json reads them as it reads a product), both kinds in one query."""
    sku_id = db.session.scalar(_ACTIVE_SKU, {"sku": term.strip().upper()})
    ids = [i for i in name_ids(term, limit) if i != sku_id][:limit - (sku_id is not None)]
    wanted = ([sku_id] if sku_id is not None else []) + ids
    found = {row.id: row for row in db.session.execute(_CARDS, {"ids": wanted})} if wanted else {}
    return [found[i] for i in wanted if i in found]


attach(Product.metadata)  # wherever the models are created, the index comes with the product table
