"""`flask --app posapp sync run` (Task Scheduler or cron) and `sync rotate-key`."""
import click
from flask.cli import AppGroup

sync_group = AppGroup("sync", help="Sinkronisasi dengan server provinsi.")


@sync_group.command("run")
def run_command():
    """Upload everything up to now and pull the hub's feeds (one run, then exit)."""
    from .runner import run_sync
    outcome = run_sync()
    click.echo(outcome["message"])
    if outcome.get("ok"):
        click.echo(f"Terkirim {outcome['sent']} data, diterima {outcome['received']} perubahan.")
    elif not outcome.get("skipped"):
        raise SystemExit(1)


@sync_group.command("rotate-key")
def rotate_command():
    """Replace this shop's key at the hub (the old key stops working)."""
    from ..extensions import db
    from .client import HubRefused, HubUnreachable
    from .lock import state
    from .runner import client_for
    from .service import rotate_key
    current = state()
    if not current.enrolled:
        raise click.ClickException("Toko belum terdaftar ke server provinsi.")
    try:
        rotate_key(client_for(current))
    except (HubRefused, HubUnreachable) as exc:
        raise click.ClickException(f"Gagal mengganti kunci: {exc}") from exc
    finally:
        db.session.commit()  # keep the new key even if retiring the old one failed
    click.echo(f"Kunci baru: {state().key_id}")


commands = [sync_group]
