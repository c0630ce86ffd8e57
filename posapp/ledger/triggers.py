"""Database triggers that keep the ledger's facts immutable, on SQLite and PostgreSQL.

Attached with `after_create` DDL events so `db.create_all()` (tests) builds them; a migration
executes the same statements (SQLITE_DDL / POSTGRES_DDL, keyed by table). Every refusal is an
integrity error (SQLite RAISE(ABORT); PostgreSQL SQLSTATE 23000). A change here gets a migration with
a frozen copy of the statements (books_0005, books_0006).
"""
from sqlalchemy import DDL, event

_IMMUTABLE = ("journal_entry", "journal_line", "day_close", "month_close")
# The year close's entry alone may be dated on a locked day, and only on a 31 December (ledger.year_close).
YEAR_CLOSE = "year_close"
_CLOSED = ("(EXISTS (SELECT 1 FROM day_close WHERE day_close.business_date >= {date}) "
           "OR EXISTS (SELECT 1 FROM month_close WHERE month_close.period_end >= {date}))")


def _sqlite_ddl() -> dict:
    ddl = {table: [
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'ledger: {table} rows are immutable'); END",
        f"CREATE TRIGGER IF NOT EXISTS trg_{table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, 'ledger: {table} rows are immutable'); END",
    ] for table in _IMMUTABLE}
    ddl["journal_entry"].append(
        "CREATE TRIGGER IF NOT EXISTS trg_journal_entry_closed_day BEFORE INSERT ON journal_entry "
        f"WHEN NOT (NEW.source = '{YEAR_CLOSE}' AND substr(NEW.business_date, 6) = '12-31') "
        f"AND {_CLOSED.format(date='NEW.business_date')} "
        "BEGIN SELECT RAISE(ABORT, 'ledger: day is closed'); END")
    ddl["journal_line"].append(
        "CREATE TRIGGER IF NOT EXISTS trg_journal_line_closed_day BEFORE INSERT ON journal_line "
        "WHEN NOT EXISTS (SELECT 1 FROM journal_entry WHERE id = NEW.entry_id "
        f"AND source = '{YEAR_CLOSE}' AND substr(business_date, 6) = '12-31') AND "
        + _CLOSED.format(date="(SELECT business_date FROM journal_entry WHERE id = NEW.entry_id)") +
        " BEGIN SELECT RAISE(ABORT, 'ledger: day is closed'); END")
    ddl["ledger_account"] = [
        "CREATE TRIGGER IF NOT EXISTS trg_ledger_account_no_delete BEFORE DELETE ON ledger_account "
        "BEGIN SELECT RAISE(ABORT, 'ledger: accounts are never deleted'); END"]
    return ddl


_PG_REFUSE = """CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation',
    MESSAGE = 'ledger: ' || TG_TABLE_NAME || ' rows are immutable';
END $$"""
_PG_CLOSED = """CREATE OR REPLACE FUNCTION ledger_refuse_closed_day() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE day date; kind text;
BEGIN
  IF TG_TABLE_NAME = 'journal_line' THEN
    SELECT business_date, source INTO day, kind FROM journal_entry WHERE id = NEW.entry_id;
  ELSE
    day := NEW.business_date;
    kind := NEW.source;
  END IF;
  IF kind = 'year_close' AND to_char(day, 'MM-DD') = '12-31' THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM day_close WHERE day_close.business_date >= day)
     OR EXISTS (SELECT 1 FROM month_close WHERE month_close.period_end >= day) THEN
    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = 'ledger: day is closed';
  END IF;
  RETURN NEW;
END $$"""


def _postgres_ddl() -> dict:
    ddl = {table: [_PG_REFUSE,
                   f"CREATE TRIGGER trg_{table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()"] for table in _IMMUTABLE}
    for table in ("journal_entry", "journal_line"):
        ddl[table] += [_PG_CLOSED, f"CREATE TRIGGER trg_{table}_closed_day BEFORE INSERT ON {table} "
                                   "FOR EACH ROW EXECUTE FUNCTION ledger_refuse_closed_day()"]
    ddl["ledger_account"] = [_PG_REFUSE, "CREATE TRIGGER trg_ledger_account_no_delete BEFORE DELETE ON "
                                         "ledger_account FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change()"]
    return ddl


SQLITE_DDL = _sqlite_ddl()
POSTGRES_DDL = _postgres_ddl()


def attach(metadata) -> None:
    """Listen for the creation of each ledger table and add its triggers right after."""
    for dialect, statements in (("sqlite", SQLITE_DDL), ("postgresql", POSTGRES_DDL)):
        for table_name, ddls in statements.items():
            table = metadata.tables[table_name]
            for text in ddls:
                event.listen(table, "after_create", DDL(text).execute_if(dialect=dialect))


def attach_once(metadata) -> None:
    """Called by ledger.models once its tables exist; importing this module alone attaches nothing."""
    if not metadata.info.get("ledger_triggers"):
        metadata.info["ledger_triggers"] = True
        attach(metadata)
