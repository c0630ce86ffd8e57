"""The reference data the hub published (rule sets, curated catalogue, Samsat verdicts), as stored.

Features read it here; the sync run writes it (posapp.sync.feed) and then calls the features' effects.
"""
import json

from ..database import upsert_insert
from ..extensions import db
from .state import ReferenceItem


def store(stream: str, changes) -> None:
    """Upsert a page's items: the hub wins for reference data (the caller commits)."""
    for change in changes:
        values = {"stream": stream, "key": change["key"], "payload": json.dumps(change["payload"]),
                  "hub_seq": change["seq"]}
        db.session.execute(upsert_insert(ReferenceItem).values(values).on_conflict_do_update(
            index_elements=["stream", "key"], set_={k: values[k] for k in ("payload", "hub_seq")}))


def stored(stream: str, keys) -> dict:
    """{key: payload} of the items already received (read before a page overwrites them)."""
    keys = sorted(set(keys))
    rows = db.session.execute(db.select(ReferenceItem.key, ReferenceItem.payload).where(
        ReferenceItem.stream == stream, ReferenceItem.key.in_(keys))).all() if keys else []
    return {key: json.loads(payload) for key, payload in rows}


def reference(stream: str, key: str):
    """The hub's latest value for one item (e.g. a Samsat confirmation by payment UUID), or None."""
    row = db.session.get(ReferenceItem, (stream, key))
    return json.loads(row.payload) if row else None


def rulesets() -> dict:
    """Rule-set documents received from the hub, by name."""
    rows = db.session.scalars(db.select(ReferenceItem).where(ReferenceItem.stream == "rulesets")).all()
    return {row.key: json.loads(row.payload) for row in rows}


def rulesets_version() -> tuple:
    """Changes whenever a rule set arrives: the (name, hub seq) of each stored one."""
    return tuple(db.session.execute(db.select(ReferenceItem.key, ReferenceItem.hub_seq)
                                    .where(ReferenceItem.stream == "rulesets").order_by(ReferenceItem.key)).all())
