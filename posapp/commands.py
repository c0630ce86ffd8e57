"""Command-line tools of the house itself: backup and restore."""
from pathlib import Path

import click

from .backup import BackupRefused, backup_database, check_restorable, restore_database
from .extensions import db


@click.command("backup")
def backup_command():
    """Back the database up now (instance/backups)."""
    path = backup_database("manual")
    if path is None:
        raise click.ClickException("Tidak ada database SQLite untuk dicadangkan.")
    click.echo(f"Cadangan dibuat: {path}")


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Jangan tanya konfirmasi.")
def restore_command(file, yes):
    """Restore the database from FILE (stop the app first)."""
    try:
        check_restorable(file)  # a wrong file is said before anyone is asked to confirm
        if not yes:
            click.confirm(f"Database sekarang akan diganti dengan {file}. Aplikasi harus dimatikan. Lanjut?",
                          abort=True)
        db.engine.dispose()
        safety = restore_database(file)
    except BackupRefused as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Database dipulihkan dari {file}. Database sebelumnya disimpan di {safety}.")
