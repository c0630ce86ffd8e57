"""`flask ledger journal-csv`: the raw journal as Excel-Indonesia CSV on stdout, one row per journal line."""
import csv
import io
from datetime import date, timedelta

import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger.models import JournalEntry, JournalLine

from .conftest import DAY


def read(result):
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_journal_csv_has_every_line_of_the_range(app, post):
    post("sale", cash=103_000, cost=88_000, doc_no="KOP01-20261124-0001")
    post("samsat", tax=1_250_000, fee=5_000, doc_no="SAM-1")
    post("setoran", amount=500_000, doc_no="=HYPERLINK(\"x\")", business_date=DAY + timedelta(days=1))
    post("sale", cash=1_000, doc_no="LATER", business_date=DAY + timedelta(days=2))
    db.session.commit()
    rows = read(app.test_cli_runner().invoke(args=["ledger", "journal-csv", "--from", "2026-11-24", "--to", "2026-11-25"]))
    header, body = rows[0], rows[1:]
    assert header[:8] == ["entry_no", "business_date", "account_code", "account_name", "debit", "credit", "source",
                          "description"]
    in_range = db.session.scalar(sa.select(sa.func.count(JournalLine.id)).join(JournalEntry)
                                 .where(JournalEntry.business_date <= date(2026, 11, 25)))
    assert len(body) == in_range == 4 + 3 + 2  # sale with cost, Samsat, setoran; the 26th is left out
    assert sum(int(r[4]) for r in body) == sum(int(r[5]) for r in body) == 103_000 + 88_000 + 1_255_000 + 500_000
    assert body[0][:7] == ["JU-20261124-0001", "2026-11-24", "1101", "Kas", "103000", "0", "sale"]
    setoran = [r for r in body if r[6] == "setoran"]
    assert setoran[0][8] == "'=HYPERLINK(\"x\")"  # the document number stays text in Excel
    assert all(not cell.startswith("=") for r in body for cell in r)


def test_journal_csv_refuses_a_bad_date(app):
    result = app.test_cli_runner().invoke(args=["ledger", "journal-csv", "--from", "24-11-2026", "--to", "2026-11-25"])
    assert result.exit_code != 0 and "TTTT-BB-HH" in result.output
