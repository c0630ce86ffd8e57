"""Command-line tools: backup, restore, seed-demo, create-admin."""
from pathlib import Path

import click
from flask import current_app

from .extensions import db


def init_commands(app):
    for command in (backup_command, restore_command, seed_demo_command):
        app.cli.add_command(command)


@click.command("backup")
def backup_command():
    """Back the database up now (instance/backups)."""
    from .backup import backup_database
    path = backup_database("manual")
    if path is None:
        raise click.ClickException("Tidak ada database SQLite untuk dicadangkan.")
    click.echo(f"Cadangan dibuat: {path}")


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Jangan tanya konfirmasi.")
def restore_command(file, yes):
    """Restore the database from FILE (stop the app first)."""
    from .backup import BackupError, restore_database
    if not yes:
        click.confirm(f"Database sekarang akan diganti dengan {file}. Aplikasi harus dimatikan. Lanjut?",
                      abort=True)
    db.engine.dispose()
    try:
        safety = restore_database(file)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Database dipulihkan dari {file}. Database sebelumnya disimpan di {safety}.")


@click.command("seed-demo")
def seed_demo_command():
    """Fill an empty shop with demo products and accounts; prints their passwords."""
    from .demo import seed_demo
    from .startup import prepare_database
    prepare_database(current_app._get_current_object())
    try:
        passwords = seed_demo()
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo("Toko demo siap. Akun:")
    for username, (password, pin) in passwords.items():
        click.echo(f"  {username:8} kata sandi: {password}" + (f"  PIN: {pin}" if pin else ""))
