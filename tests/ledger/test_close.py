"""Day close by the manager: shifts closed, cash counted, difference posted, day locked, backup made."""
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from posapp.extensions import db
from posapp.ledger import balances
from posapp.ledger.models import DayClose, JournalEntry
from posapp.till.models import Shift

from .conftest import DAY


def close(client, counted, day=DAY, **extra):
    return client.post("/buku/tutup-hari", data={"tanggal": day.isoformat(), "uang_dihitung": counted, **extra})


def test_close_posts_short_cash_and_locks_the_day(manajer_client, post, app):
    post("sale", cash=103_000, cost=88_000, doc_no="KOP01-20261124-0001")
    db.session.commit()
    page = manajer_client.get("/buku/tutup-hari?tanggal=2026-11-24").get_data(as_text=True)
    assert "Rp 103.000" in page and "Jurnal 1" in page and "journal_entry" not in page  # unsent records, in words
    response = close(manajer_client, "101.000")
    assert response.status_code == 302
    record = db.session.scalar(sa.select(DayClose))
    assert (record.cash_expected, record.cash_counted, record.difference) == (103_000, 101_000, -2_000)
    assert record.closed_by == "manajer" and record.unsent_records == 1
    assert balances.kas_balance(DAY) == 101_000
    assert balances.account_balance("6101") == 2_000
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        assert list((Path(app.instance_path) / "backups").glob("*-tutup-hari.db"))
    assert "ditutup" in manajer_client.get(response.location).get_data(as_text=True)


def test_second_close_refused_nothing_changed(manajer_client, post):
    post("sale", cash=10_000, doc_no="A")
    db.session.commit()
    assert close(manajer_client, "10.000").status_code == 302
    response = close(manajer_client, "5.000")
    assert response.status_code == 400 and "sudah ditutup" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(DayClose.id))) == 1
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id))) == 1
    earlier = close(manajer_client, "0", day=DAY - timedelta(days=2))
    assert earlier.status_code == 400 and "terkunci" in earlier.get_data(as_text=True)


def test_open_shift_blocks_close(manajer_client, post, users):
    db.session.add(Shift(uuid="s-1", user_id=users["kasir"].id, business_date=DAY, opening_cash=0))
    db.session.commit()
    response = close(manajer_client, "0")
    assert response.status_code == 400 and "shift terbuka (kasir)" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(DayClose.id))) == 0


def test_future_day_and_bad_amount_refused(manajer_client, ledger):
    response = close(manajer_client, "0", day=DAY + timedelta(days=1))
    assert response.status_code == 400 and "belum terjadi" in response.get_data(as_text=True)
    response = close(manajer_client, "dua ribu")
    assert response.status_code == 400 and "tidak valid" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(DayClose.id))) == 0


def test_kasir_cannot_close(kasir_client, ledger):
    assert close(kasir_client, "0").status_code == 403


def test_exact_count_posts_nothing(manajer_client, post):
    post("samsat", tax=1_250_000, fee=5_000, doc_no="SAM-1")
    db.session.commit()
    assert close(manajer_client, "1255000").status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(JournalEntry.id))) == 1
