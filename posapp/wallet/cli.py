"""`flask --app posapp dompet saldo`: every wallet's balance as CSV for Excel Indonesia (`;`, BOM)."""
import sys

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..members.exports import csv_bytes
from .models import Wallet


@click.group("dompet")
def dompet_group():
    """Dompet santri."""


@dompet_group.command("saldo")
@with_appcontext
def balances_command():
    """nis;name;balance of every wallet."""
    rows = [["nis", "name", "balance"]] + [[w.nis, w.member.name, w.balance] for w in
                                            db.session.scalars(db.select(Wallet).order_by(Wallet.nis))]
    out = sys.stdout.buffer
    out.write(csv_bytes(rows))
    out.flush()
