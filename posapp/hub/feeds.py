"""Reference feeds (rule sets, curated catalogue, Samsat confirmations) and a shop's per-day totals."""
from flask import current_app
from sqlalchemy import func, or_

from .extensions import db
from .facts import DailyTotal
from .models import Koperasi, RefChange
from .security import hub_now

STREAMS = ("rulesets", "catalogue", "samsat")


def changes(shop_id: int, stream: str, since: int, limit: int) -> dict:
    """Entries after `since` meant for everyone or for this shop only."""
    if stream == "samsat" and since > 0:
        _seen_verdicts(shop_id, since)
    rows = db.session.scalars(db.select(RefChange).where(
        RefChange.stream == stream, RefChange.seq > since,
        or_(RefChange.shop_id.is_(None), RefChange.shop_id == shop_id)).order_by(RefChange.seq).limit(limit + 1)).all()
    page = rows[:limit]
    return {"changes": [{"seq": r.seq, "key": r.key, "payload": r.payload} for r in page],
            "last_seq": page[-1].seq if page else since, "has_more": len(rows) > limit}


def _seen_verdicts(shop_id: int, since: int) -> None:
    """A shop asking past `since` holds every Samsat verdict up to it (the dashboard's "not yet taken")."""
    db.session.execute(db.update(Koperasi).where(Koperasi.id == shop_id, Koperasi.samsat_feed_seq < since)
                       .values(samsat_feed_seq=since))


def publish(stream: str, key: str, payload: dict, shop_id=None) -> RefChange:
    change = RefChange(stream=stream, key=key, payload=payload, shop_id=shop_id, created_at=hub_now())
    db.session.add(change)
    db.session.flush()
    return change


def publish_rulesets(documents: dict) -> list[str]:
    """Publish rule sets not yet on the feed (rule sets are new versions, never edits)."""
    known = set(db.session.scalars(db.select(RefChange.key).where(RefChange.stream == "rulesets")))
    added = [name for name in sorted(documents) if name not in known]
    for name in added:
        publish("rulesets", name, documents[name])
    return added


def daily_totals(first, last, shop_id=None):
    """(business_date, kind, count, sum) per day and kind, for one shop or the province, from the daily sums
    ingest keeps with every new record (a busy shop's year is a few hundred rows, not 700,000 records)."""
    query = (db.select(DailyTotal.business_date, DailyTotal.kind, func.sum(DailyTotal.records),
                       func.coalesce(func.sum(DailyTotal.amount), 0))
             .where(DailyTotal.business_date.between(first, last), DailyTotal.records > 0)
             .group_by(DailyTotal.business_date, DailyTotal.kind).order_by(DailyTotal.business_date, DailyTotal.kind))
    if shop_id is not None:
        query = query.where(DailyTotal.shop_id == shop_id)
    return [(day, kind, int(count), int(total)) for day, kind, count, total in db.session.execute(query)]


def published_book():
    """The rule sets shops price with: the shipped ones plus those published on the feed (cached per app)."""
    from ..samsat.rulebook import default_book
    version = tuple(db.session.execute(db.select(func.count(), func.max(RefChange.seq))
                                       .where(RefChange.stream == "rulesets")).one())
    cached = current_app.extensions.get("hub_rule_book")
    if cached and cached[0] == version:
        return cached[1]
    rows = db.session.execute(db.select(RefChange.key, RefChange.payload).where(RefChange.stream == "rulesets")
                              .order_by(RefChange.seq)).all()
    book, problems = default_book().with_valid_documents(payload for _key, payload in rows)
    for problem in problems:
        current_app.logger.warning("Aturan tarif di feed tidak dipakai untuk konfirmasi: %s", problem)
    current_app.extensions["hub_rule_book"] = (version, book)
    return book
