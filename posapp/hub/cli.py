"""Hub commands: create-admin, unlock-login, add-koperasi, seed-vehicles, publish-rulesets, publish-catalogue,
create-partitions."""
import click
from flask.cli import with_appcontext

from .. import clock
from .extensions import db


@click.command("create-admin")
@with_appcontext
@click.argument("username")
@click.password_option()
def create_admin(username, password):
    """Create a province administrator."""
    from flask import current_app
    from .models import HubUser
    user = HubUser(username=username)
    user.set_password(password, current_app.config["PASSWORD_HASH_METHOD"])
    db.session.add(user)
    db.session.commit()
    click.echo(f"Admin {username} dibuat.")


@click.command("unlock-login")
@with_appcontext
@click.argument("username")
@click.option("--address", default=None, help="Also unlock this address (IP).")
def unlock_login(username, address):
    """Lift a login lock of USERNAME (five failures lock it for five minutes)."""
    from .throttle import clear, keys_for
    keys = keys_for(username, address)
    clear(keys if address else keys[:1])
    db.session.commit()
    click.echo(f"Kunci masuk {username} dibuka.")


@click.command("add-koperasi")
@with_appcontext
@click.argument("code")
@click.argument("name")
@click.option("--regency", default="")
def add_koperasi_command(code, name, regency):
    """Register a koperasi and print its one-time enrolment code."""
    from .service import add_koperasi, issue_code
    shop = add_koperasi(code, name, regency)
    enrol_code = issue_code(shop)
    db.session.commit()
    click.echo(f"{shop.code} terdaftar. Kode pendaftaran (sekali pakai): {enrol_code}")


@click.command("seed-vehicles")
@with_appcontext
@click.argument("count", type=click.IntRange(1, 5_000_000))
@click.option("--seed", default=2025)
def seed_vehicles_command(count, seed):
    """Fill the vehicle register with COUNT realistic East Java vehicles."""
    from .vehicles import seed_vehicles
    added = seed_vehicles(count, clock.today(), seed)
    db.session.commit()
    click.echo(f"{added} kendaraan ditambahkan ke register.")


@click.command("publish-rulesets")
@with_appcontext
def publish_rulesets_command():
    """Publish the rule sets of posapp/samsat/rulesets that are not yet on the feed."""
    import json
    from ..samsat.rulebook import RULESET_DIR
    from .feeds import publish_rulesets
    documents = {path.stem: json.loads(path.read_text("utf-8")) for path in sorted(RULESET_DIR.glob("*.json"))}
    added = publish_rulesets(documents)
    db.session.commit()
    click.echo("Diterbitkan: " + (", ".join(added) if added else "tidak ada yang baru"))


@click.command("publish-catalogue")
@with_appcontext
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
def publish_catalogue_command(csv_file):
    """Publish the curated OPOP items of a CSV (kode;nama;barcode;…); all rows or none."""
    from pathlib import Path
    from ..catalog.csv_import import ImportRefused
    from .catalogue_csv import publish_rows, read_rows
    path = Path(csv_file)
    try:
        rows = read_rows(path.name, path.read_bytes())
    except ImportRefused as exc:
        raise click.ClickException(str(exc)) from None
    published, unchanged, errors = publish_rows(rows, by=f"cli:{path.name}")
    if errors:
        db.session.rollback()
        for number, column, message in errors:
            click.echo(f"Baris {number}{f' kolom {column}' if column else ''}: {message}", err=True)
        raise click.ClickException(f"{len(errors)} kesalahan: tidak ada yang diterbitkan.")
    db.session.commit()
    click.echo(f"Katalog OPOP: {published} versi baru diterbitkan, {unchanged} tidak berubah.")


@click.command("create-partitions")
@with_appcontext
@click.option("--months-ahead", default=3, type=click.IntRange(0, 24), show_default=True)
def create_partitions_command(months_ahead):
    """Make this month's and the next months' partitions of hub_record (run daily from cron)."""
    from .partitions import ahead, create, partition_name
    months = ahead(clock.today(), months_ahead)
    create(months)
    click.echo("Partisi siap: " + ", ".join(partition_name(month) for month in months))


@click.command("create-tables")
@with_appcontext
def create_tables():
    """Create the tables directly (quick tries; production uses `db upgrade`)."""
    db.create_all()
    click.echo("Tabel hub dibuat.")


commands = [create_admin, unlock_login, add_koperasi_command, seed_vehicles_command, publish_rulesets_command,
            publish_catalogue_command, create_partitions_command, create_tables]
