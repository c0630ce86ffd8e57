"""`flask --app posapp anggota shu --year YYYY`: the SHU report as JSON (provisional for an open year)."""
import json

import click
from flask.cli import with_appcontext

from .. import clock
from . import report


@click.group("anggota")
def anggota_group():
    """Anggota koperasi: SHU."""


@anggota_group.command("shu")
@click.option("--year", "year", type=int, default=None, help="Tahun buku (bawaan: tahun ini).")
@with_appcontext
def shu_command(year):
    """Print the year's SHU per member as JSON."""
    year = year or clock.today().year
    if not 2000 <= year <= clock.today().year:
        raise click.ClickException(f"Tahun {year} tidak valid.")
    click.echo(json.dumps(report.public(report.compute(year)), ensure_ascii=False, indent=2))
