import sqlite3

import pytest

from posapp import backup
from posapp.auth.models import User
from posapp.extensions import db


@pytest.fixture
def sqlite_only(app):
    if backup.sqlite_path(app) is None:
        pytest.skip("cadangan berkas hanya untuk SQLite")


def test_backup_is_a_consistent_copy_of_the_live_database(app, users, sqlite_only):
    path = backup.backup_database("manual")
    conn = sqlite3.connect(path)
    names = {row[0] for row in conn.execute("SELECT username FROM user")}
    conn.close()
    assert names == {"admin", "manajer", "kasir"}


def test_only_the_newest_backups_are_kept(app, users, sqlite_only, frozen_clock):
    app.config["BACKUP_KEEP"] = 3
    made = [backup.backup_database("start") for _ in range(5)]
    kept = backup.list_backups()
    assert kept == made[-3:]


def test_restore_brings_back_the_backed_up_data(app, users, runner, sqlite_only):
    saved = backup.backup_database("manual")
    db.session.delete(users["kasir"])
    db.session.commit()
    db.session.remove()
    result = runner.invoke(args=["restore", str(saved), "--yes"])
    assert result.exit_code == 0, result.output
    assert "dipulihkan" in result.output
    assert db.session.scalar(db.select(User).where(User.username == "kasir")) is not None


def test_restore_refuses_a_file_that_is_not_a_backup(app, users, runner, tmp_path, sqlite_only):
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"ini bukan database")
    result = runner.invoke(args=["restore", str(junk), "--yes"])
    assert result.exit_code != 0
    assert "bukan database" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 3


def test_restore_says_a_missing_or_wrong_file_before_asking_to_confirm(app, users, runner, tmp_path, sqlite_only):
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"ini bukan database")
    for path, said in ((tmp_path / "tidak-ada.db", "tidak ditemukan"), (junk, "bukan database"), (tmp_path, "tidak ditemukan")):
        result = runner.invoke(args=["restore", str(path)], input="y\n")
        assert result.exit_code != 0 and said in result.output and "Lanjut?" not in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 3


def test_backup_command(app, users, runner, sqlite_only):
    result = runner.invoke(args=["backup"])
    assert result.exit_code == 0 and "Cadangan dibuat" in result.output
    assert len(backup.list_backups()) == 1


def test_backups_are_kept_by_total_size_too_oldest_dropped_first(app, users, sqlite_only, frozen_clock):
    app.config["BACKUP_KEEP"] = 30
    one = backup.backup_database("start").stat().st_size
    app.config["BACKUP_MAX_MB"] = (2.5 * one) / (1024 * 1024)  # room for two backups, not three
    made = [backup.backup_database("start") for _ in range(4)]
    assert backup.list_backups() == made[-2:]
    assert sum(p.stat().st_size for p in backup.list_backups()) <= app.config["BACKUP_MAX_MB"] * 1024 * 1024


def test_the_newest_backup_is_kept_even_alone_over_the_size(app, users, sqlite_only, frozen_clock):
    app.config["BACKUP_MAX_MB"] = 0.001
    made = [backup.backup_database("start") for _ in range(3)]
    assert backup.list_backups() == made[-1:]
