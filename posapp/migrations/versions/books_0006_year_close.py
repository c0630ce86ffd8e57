"""Year close (tutup buku tahunan): the closed-day guard lets the year's closing entry through on 31 December

Revision ID: books_0006_year_close
Revises: books_0005_month_close

"""
import re

from alembic import op


# revision identifiers, used by Alembic.
revision = 'books_0006_year_close'
down_revision = 'books_0005_month_close'
branch_labels = None
depends_on = None


# Frozen copy of posapp/ledger/triggers.py at this revision: an entry of source 'year_close' dated on a
# 31 December may be posted on a locked day; everything else is refused as before.
SQLITE_TRIGGERS = ['CREATE TRIGGER IF NOT EXISTS trg_journal_entry_closed_day BEFORE INSERT ON journal_entry WHEN NOT (NEW.source = '
 "'year_close' AND substr(NEW.business_date, 6) = '12-31') AND (EXISTS (SELECT 1 FROM day_close WHERE "
 'day_close.business_date >= NEW.business_date) OR EXISTS (SELECT 1 FROM month_close WHERE month_close.period_end '
 ">= NEW.business_date)) BEGIN SELECT RAISE(ABORT, 'ledger: day is closed'); END",
 'CREATE TRIGGER IF NOT EXISTS trg_journal_line_closed_day BEFORE INSERT ON journal_line WHEN NOT EXISTS (SELECT '
 "1 FROM journal_entry WHERE id = NEW.entry_id AND source = 'year_close' AND substr(business_date, 6) = '12-31') "
 'AND (EXISTS (SELECT 1 FROM day_close WHERE day_close.business_date >= (SELECT business_date FROM journal_entry '
 'WHERE id = NEW.entry_id)) OR EXISTS (SELECT 1 FROM month_close WHERE month_close.period_end >= (SELECT '
 "business_date FROM journal_entry WHERE id = NEW.entry_id))) BEGIN SELECT RAISE(ABORT, 'ledger: day is closed'); "
 'END']

POSTGRES_FUNCTION = ('CREATE OR REPLACE FUNCTION ledger_refuse_closed_day() RETURNS trigger LANGUAGE plpgsql AS $$\n'
 'DECLARE day date; kind text;\n'
 'BEGIN\n'
 "  IF TG_TABLE_NAME = 'journal_line' THEN\n"
 '    SELECT business_date, source INTO day, kind FROM journal_entry WHERE id = NEW.entry_id;\n'
 '  ELSE\n'
 '    day := NEW.business_date;\n'
 '    kind := NEW.source;\n'
 '  END IF;\n'
 "  IF kind = 'year_close' AND to_char(day, 'MM-DD') = '12-31' THEN\n"
 '    RETURN NEW;\n'
 '  END IF;\n'
 '  IF EXISTS (SELECT 1 FROM day_close WHERE day_close.business_date >= day)\n'
 '     OR EXISTS (SELECT 1 FROM month_close WHERE month_close.period_end >= day) THEN\n'
 "    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = 'ledger: day is closed';\n"
 '  END IF;\n'
 '  RETURN NEW;\n'
 'END $$')


SQLITE_OLD = ['DROP TRIGGER IF EXISTS trg_journal_entry_closed_day', 'DROP TRIGGER IF EXISTS trg_journal_line_closed_day']


def _before(statement: str) -> str:
    """The guard as books_0005 left it: no way through for the year close."""
    statement = statement.replace(" kind text;", "").replace(", source INTO day, kind", " INTO day")
    statement = re.sub(r"\n    kind := NEW.source;|\n  IF kind = 'year_close'.*?END IF;", "", statement, flags=re.S)
    return re.sub(r"WHEN NOT (?:\(NEW.source|EXISTS \(SELECT 1 FROM journal_entry).*?'12-31'\) AND ", "WHEN ", statement)


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
    else:
        for statement in SQLITE_OLD + SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_before(POSTGRES_FUNCTION))
    else:
        for statement in SQLITE_OLD + [_before(x) for x in SQLITE_TRIGGERS]:
            op.execute(statement)
