"""`flask --app posapp ledger journal-csv --from YYYY-MM-DD --to YYYY-MM-DD`: the raw journal to stdout."""
from datetime import date

import sys

import click

from ..excel_csv import write_csv
from .export import HEADER, journal_lines


def _day(ctx, param, value):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise click.BadParameter("pakai format TTTT-BB-HH, mis. 2026-11-01") from None


@click.group("ledger")
def ledger_group():
    """Buku besar: jurnal dan ekspor."""


@ledger_group.command("journal-csv")
@click.option("--from", "start", required=True, callback=_day, metavar="YYYY-MM-DD", help="Tanggal awal.")
@click.option("--to", "end", required=True, callback=_day, metavar="YYYY-MM-DD", help="Tanggal akhir.")
def journal_csv(start, end):
    """Jurnal umum ke stdout: ; sebagai pemisah, UTF-8 dengan BOM, angka bulat, satu baris per baris jurnal."""
    if start > end:
        raise click.BadParameter("tanggal awal harus sebelum tanggal akhir", param_hint="--from")
    write_csv(sys.stdout.buffer, _with_header(journal_lines(start, end)), iso_dates=True)


def _with_header(rows):
    yield HEADER
    yield from rows
