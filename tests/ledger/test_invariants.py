"""Each invariant of ledger.md, with a test that tries to break it."""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger import balances, chart, journal
from posapp.ledger.accounts import ensure_accounts, rename_account
from posapp.ledger.models import Account, DayClose, JournalEntry, JournalLine
from posapp.ledger.posting import LedgerRefused, Line
from posapp.wire.models import Outbox

from .conftest import DAY


def trial_sum():
    return sum(row["balance"] for row in balances.trial_balance())


def test_sale_posts_balanced_entry_with_outbox_row(post):
    entry = post("sale", cash=103_000, cost=88_000, doc_no="KOP01-20261124-0001", member=True)
    db.session.commit()
    assert entry.entry_no == "JU-20261124-0001" and entry.party == "anggota"
    assert balances.kas_balance() == 103_000 and trial_sum() == 0
    row = db.session.scalar(sa.select(Outbox).where(Outbox.uuid == entry.uuid))
    assert row.kind == "journal_entry" and '"debit":103000' in row.payload


def test_unbalanced_entry_refused_nothing_written(post):
    with pytest.raises(LedgerRefused):
        journal.post_entry("manual", [Line("1101", debit=1000), Line("4101", credit=999)], DAY)
    with pytest.raises(LedgerRefused):
        journal.post_entry("manual", [Line("1101", debit=1000)], DAY)
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id))) == 0


def test_orm_update_and_delete_refused(post):
    entry = post("sale", cash=10_000, doc_no="A")
    db.session.commit()
    entry.lines[0].debit = 1
    with pytest.raises(LedgerRefused):
        db.session.flush()
    db.session.rollback()
    db.session.delete(entry)
    with pytest.raises(LedgerRefused):
        db.session.flush()
    db.session.rollback()
    assert balances.kas_balance() == 10_000


@pytest.mark.parametrize("statement", [
    "UPDATE journal_line SET debit = debit + 1", "UPDATE journal_entry SET description = 'x'",
    "DELETE FROM journal_line", "DELETE FROM journal_entry", "DELETE FROM ledger_account",
    "UPDATE day_close SET difference = 0", "DELETE FROM day_close"])
def test_database_triggers_refuse_raw_sql(post, statement):
    post("sale", cash=10_000, doc_no="A")
    db.session.add(DayClose(uuid="c1", business_date=DAY - timedelta(days=1), closed_by="m", cash_expected=0,
                            cash_counted=0, difference=0))
    db.session.commit()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.text(statement))
    db.session.rollback()
    assert balances.kas_balance() == 10_000 and trial_sum() == 0


def test_database_refuses_one_sided_line(post):
    entry = post("sale", cash=10_000, doc_no="A")
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.text("INSERT INTO journal_line (entry_id, account_code, debit, credit, memo) "
                                   "VALUES (:e, '1101', 5, 5, '')"), {"e": entry.id})
    db.session.rollback()


def test_closed_day_is_locked(post):
    post("sale", cash=10_000, doc_no="A")
    db.session.add(DayClose(uuid="c1", business_date=DAY, closed_by="m", cash_expected=10_000,
                            cash_counted=10_000, difference=0))
    db.session.commit()
    for day in (DAY, DAY - timedelta(days=3)):
        with pytest.raises(LedgerRefused, match="sudah ditutup"):
            post("sale", cash=5_000, doc_no="B", business_date=day)
    db.session.rollback()
    with pytest.raises(sa.exc.IntegrityError):  # and below the service: the trigger
        db.session.execute(sa.text(
            "INSERT INTO journal_entry (uuid, entry_no, business_date, posted_at, source, source_ref, source_uuid,"
            " party, description, created_by) VALUES ('x', 'x', :d, '2026-11-24 00:00:00', 's', '', '', '', '', '')"),
            {"d": DAY})
    db.session.rollback()
    assert post("sale", cash=5_000, doc_no="C", business_date=DAY + timedelta(days=1)) is not None


def test_entry_numbers_gap_free_per_day_even_after_rollback(post):
    post("sale", cash=1_000, doc_no="A")
    db.session.commit()
    post("sale", cash=1_000, doc_no="B")
    db.session.rollback()  # the act failed: its number comes back
    post("sale", cash=1_000, doc_no="C")
    post("sale", cash=1_000, doc_no="D", business_date=DAY + timedelta(days=1))
    db.session.commit()
    numbers = db.session.scalars(sa.select(JournalEntry.entry_no).order_by(JournalEntry.id)).all()
    assert numbers == ["JU-20261124-0001", "JU-20261124-0002", "JU-20261125-0001"]


def test_same_act_cannot_post_twice(post):
    post("sale", uuid="7b1a3c58-0000-4000-8000-000000000001", cash=1_000, doc_no="A")
    with pytest.raises(sa.exc.IntegrityError):
        post("sale", uuid="7b1a3c58-0000-4000-8000-000000000001", cash=1_000, doc_no="A")
    db.session.rollback()


def test_correction_is_a_reversing_entry(post):
    entry = post("sale", cash=10_000, cost=7_000, doc_no="A")
    db.session.commit()
    reversal = journal.reverse_entry(entry, "manajer", "salah input")
    db.session.commit()
    assert reversal.reverses_entry_id == entry.id and balances.kas_balance() == 0 and trial_sum() == 0
    with pytest.raises(LedgerRefused, match="sudah pernah dibalik"):
        journal.reverse_entry(entry, "manajer", "lagi")


def test_accounts_seeded_idempotently_renamed_not_deleted(ledger):
    rename_account("1101", "Kas toko")
    db.session.commit()
    ensure_accounts()
    assert db.session.get(Account, "1101").name == "Kas toko"
    # every account of ledger.md's default chart, once (1101 … 6102 and the 62xx expense categories)
    ledger_md = {"1101", "1102", "1201", "1301", "2101", "2102", "2201", "2202", "2301", "3101", "3201", "3202",
                 "3301", "3401", "4101", "4102", "4103", "4201", "4301", "5101", "5102", "6101", "6102"}
    codes = set(db.session.scalars(sa.select(Account.code)))
    assert ledger_md <= codes and any(code.startswith("62") for code in codes)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Account)) == len(chart.CHART)
    db.session.delete(db.session.get(Account, "6101"))
    with pytest.raises(LedgerRefused):
        db.session.flush()
    db.session.rollback()


def test_lines_are_one_sided_rows(post):
    post("samsat", tax=1_250_000, fee=5_000, doc_no="SAM-1")
    lines = db.session.scalars(sa.select(JournalLine)).all()
    assert all((x.debit > 0) != (x.credit > 0) for x in lines)
    assert date(2026, 11, 24) == lines[0].entry.business_date
