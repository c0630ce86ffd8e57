"""`flask --app posapp samsat quote [--on YYYY-MM-DD] [--rules NAME]`: vehicle JSON in, bill JSON out."""
import json
import sys

import click

from .. import clock
from .dates import parse_date
from .errors import RulesetError, VehicleInputError
from .rules import compute_bill
from ..i18n import _

MALFORMED = 2  # exit status for bad input; a refused bill is a normal answer (0)


@click.group("samsat")
def samsat_group():
    """Samsat OPOP: vehicle-tax quotes."""


@samsat_group.command("quote")
@click.option("--on", "on", metavar="YYYY-MM-DD", help="Tanggal bayar (bawaan: hari ini, WIB).")
@click.option("--rules", "rules", metavar="NAME", help="Hitung semua tahun dengan aturan tarif ini.")
def quote_command(on, rules):
    """Read vehicle JSON on stdin and print its bill as JSON."""
    try:
        paid_on = _paid_on(on)
        vehicle = _read_vehicle(sys.stdin.read())
        bill = compute_bill(vehicle, rules, paid_on)
    except (VehicleInputError, RulesetError) as exc:
        click.echo(f"Kesalahan: {exc}", err=True)
        sys.exit(MALFORMED)
    click.echo(json.dumps(bill.to_json(), indent=2, ensure_ascii=False))


def _paid_on(text):
    if text is None:
        return clock.today()
    try:
        return parse_date(text)
    except ValueError:
        raise VehicleInputError(_("Tanggal --on '%(value)s' tidak valid; tulis TTTT-BB-HH, mis. 2025-08-17.",
                                  value=text)) from None


def _read_vehicle(text):
    try:
        return json.loads(text)
    except ValueError:
        raise VehicleInputError(_("Masukan bukan JSON yang valid: kirim data kendaraan sebagai objek JSON.")) from None


commands = [samsat_group]
