"""`flask --app posapp catalog valuation-csv [--on YYYY-MM-DD]`: the own stock at moving average cost."""
from datetime import date

import sys

import click

from .. import clock
from ..excel_csv import to_csv
from .valuation import csv_rows


def _day(ctx, param, value):
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("pakai format TTTT-BB-HH, mis. 2026-11-30") from None
    if day > clock.today():
        raise click.BadParameter(f"tanggal {day:%d-%m-%Y} belum terjadi")
    return day


@click.group("catalog")
def catalog_group():
    """Produk dan persediaan."""


@catalog_group.command("valuation-csv")
@click.option("--on", "on", callback=_day, metavar="YYYY-MM-DD", help="Nilai pada akhir tanggal ini (default: sekarang).")
def valuation_csv(on):
    """Persediaan milik koperasi (tanpa barang titipan): sku;name;on_hand;unit_cost;value ke stdout."""
    sys.stdout.buffer.write(to_csv(csv_rows(on), iso_dates=True))
