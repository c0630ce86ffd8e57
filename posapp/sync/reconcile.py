"""Local vs hub totals per day and kind, to prove both sides agree."""
import json
from collections import defaultdict

from ..extensions import db
from ..wire.models import Outbox
from ..wire.protocol import record_amount
from .answers import reconcile_days


def local_totals(first, last) -> dict:
    """{(date_iso, kind): [count, sum]} over everything this shop recorded (sent or not)."""
    totals = defaultdict(lambda: [0, 0])
    rows = db.session.execute(db.select(Outbox.business_date, Outbox.kind, Outbox.payload)
                              .where(Outbox.business_date.between(first, last)))
    for day, kind, payload in rows:
        entry = totals[(day.isoformat(), kind)]
        entry[0] += 1
        entry[1] += record_amount(kind, json.loads(payload))
    return dict(totals)


def compare(local: dict, hub_days: list) -> list[dict]:
    """One row per day and kind found on either side, with `equal` when count and sum both match."""
    hub = {(d["date"], d["kind"]): (d["count"], d["sum"]) for d in hub_days}
    rows = []
    for day, kind in sorted(set(local) | set(hub)):
        mine, theirs = tuple(local.get((day, kind), (0, 0))), hub.get((day, kind), (0, 0))
        rows.append({"date": day, "kind": kind, "local_count": mine[0], "local_sum": mine[1],
                     "hub_count": theirs[0], "hub_sum": theirs[1], "equal": mine == tuple(theirs)})
    return rows


def reconcile(client, first, last, call=lambda fn, what="": fn()) -> list[dict]:
    days = call(lambda: reconcile_days(client.get("/sync/reconcile", {"from": first.isoformat(),
                                                                      "to": last.isoformat()})),
                "mencocokkan total harian")
    return compare(local_totals(first, last), days)
