"""`flask --app posapp sync run` (Task Scheduler or cron) and `sync rotate-key`."""
import click
from flask.cli import AppGroup

from ..edge import transaction
from ..wire.client import HubRefused, HubUnreachable
from ..wire.hub_calls import retire_other_keys, take_new_key
from ..wire.state import current
from .runner import client_for, run_sync

sync_group = AppGroup("sync", help="Sinkronisasi dengan server provinsi.")


@sync_group.command("run")
def run_command():
    """Upload everything up to now and pull the hub's feeds (one run, then exit)."""
    outcome = run_sync()
    click.echo(outcome["message"])
    if outcome.get("ok"):
        click.echo(f"Terkirim {outcome['sent']} data, diterima {outcome['received']} perubahan.")
    elif not outcome.get("skipped"):
        raise SystemExit(1)


@sync_group.command("rotate-key")
def rotate_command():
    """Replace this shop's key at the hub (the old key stops working)."""
    state = current()
    if not state.enrolled:
        raise click.ClickException("Toko belum terdaftar ke server provinsi.")
    client = client_for(state)
    try:
        with transaction():  # the new key is kept even if retiring the old one fails
            take_new_key(client)
        retire_other_keys(client)
    except (HubRefused, HubUnreachable) as exc:
        raise click.ClickException(f"Gagal mengganti kunci: {exc}") from exc
    click.echo(f"Kunci baru: {current().key_id}")
