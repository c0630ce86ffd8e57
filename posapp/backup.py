"""Database backups with SQLite's online backup API; kept by count and by total size, oldest dropped first."""
import re
import sqlite3
from pathlib import Path

from flask import current_app

from . import clock
from .refusal import Refusal
from .i18n import _

NAME_RE = re.compile(r"^posapp-\d{8}-\d{6}(-\d+)?-[a-z-]+\.db$")


class BackupRefused(Refusal):
    """A restore refused (not a database, unreadable, the app still running…): the message says why."""


def sqlite_path(app=None) -> Path | None:
    """The database file when the app runs on SQLite, else None."""
    uri = (app or current_app).config["SQLALCHEMY_DATABASE_URI"]
    if not uri.startswith("sqlite:///") or uri.endswith(":memory:"):
        return None
    return Path(uri.removeprefix("sqlite:///"))


def backup_dir(app=None) -> Path:
    path = Path((app or current_app).instance_path) / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_database(reason: str, app=None) -> Path | None:
    """Copy the live database to instance/backups (safe while it is in use) and prune old ones."""
    app = app or current_app
    source = sqlite_path(app)
    if source is None or not source.exists():
        return None
    stamp = clock.now_wib().strftime("%Y%m%d-%H%M%S")
    target = backup_dir(app) / f"posapp-{stamp}-{reason}.db"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir(app) / f"posapp-{stamp}-{counter}-{reason}.db"
    _copy(source, target)
    prune(app.config["BACKUP_KEEP"], app, app.config.get("BACKUP_MAX_MB"))
    return target


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(str(source))
    dst = sqlite3.connect(str(target))
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()


def list_backups(app=None) -> list[Path]:
    """Backups, oldest first."""
    return sorted((p for p in backup_dir(app).iterdir() if NAME_RE.match(p.name)),
                  key=lambda p: p.stat().st_mtime_ns)


def prune(keep: int, app=None, max_mb: int | None = None) -> list[Path]:
    """Keep at most `keep` backups and at most `max_mb` megabytes of them, dropping the oldest first; the
    newest is always kept, even alone over the size (a shop's only copy is worth more than the disk).
    Returns the files dropped."""
    backups = list_backups(app)
    dropped = backups[:max(0, len(backups) - keep)]
    kept = backups[len(dropped):]
    if max_mb:
        sizes = [path.stat().st_size for path in kept]
        while len(kept) > 1 and sum(sizes) > max_mb * 1024 * 1024:
            dropped.append(kept.pop(0))
            sizes.pop(0)
    for old in dropped:
        old.unlink()
    return dropped


def check_restorable(file: Path, app=None) -> Path:
    """The database `file` would replace; BackupRefused when it cannot (PostgreSQL, no file, not a backup)."""
    target = sqlite_path(app or current_app)
    if target is None:
        raise BackupRefused(_("Pemulihan hanya untuk database SQLite; untuk PostgreSQL pakai pg_restore."))
    if not file.is_file():
        raise BackupRefused(_('Berkas %(file)s tidak ditemukan.', file=file))
    _check_integrity(file)
    return target


def restore_database(file: Path, app=None) -> Path:
    """Check `file`, back the current database up, then copy `file` over it in place."""
    app = app or current_app
    target = check_restorable(file, app)
    safety = backup_database("sebelum-pulih", app)
    _copy(file, target)
    return safety


def _check_integrity(file: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            has_users = conn.execute("SELECT 1 FROM sqlite_master WHERE name='user'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(_('Berkas bukan database yang sah: %(error)s', error=exc)) from exc
    if result != "ok" or not has_users:
        raise BackupRefused(_("Berkas cadangan rusak atau bukan database aplikasi ini."))
