"""A realistic demo shop on a fresh instance folder.

    flask --app posapp seed-demo              quick: settings, accounts, products, the opening stock booked
    flask --app posapp seed-demo --days 30    a whole month of the koperasi's books (posapp.demo.month)

The accounts' passwords (and PINs) are printed once.
"""
import click
from flask import current_app

from .. import clock
from ..edge import cli_act
from ..startup import prepare_database
from .members import seed_members
from .month import seed_month
from .shop import DemoRefused, start_shop  # noqa: F401 - DemoRefused is the demo's refusal


def seed_demo(quiet=False) -> dict:
    """The quick demo (no days of trade, but members and santri); returns the accounts' passwords."""
    passwords = start_shop()
    seed_members()
    return passwords


@click.command("seed-demo")
@click.option("--days", type=click.IntRange(0, 120), default=0, show_default=True,
              help="Isi juga N hari transaksi (mis. 30): pembelian, titip jual, penjualan, Samsat, kas, tutup hari.")
def seed_demo_command(days):
    """Fill an empty shop with demo data (migrations first); prints the accounts' passwords."""
    prepare_database(current_app._get_current_object())
    if not days:
        passwords = cli_act(seed_demo)()
    else:
        try:
            passwords, summary = seed_month(days)
        finally:
            clock.freeze(None)
        click.echo(summary)
    click.echo("Toko demo siap. Akun:")
    for username, (password, pin) in passwords.items():
        click.echo(f"  {username:8} kata sandi: {password}" + (f"  PIN: {pin}" if pin else ""))
