"""Pull the hub's reference feeds; each page and its cursor are applied in one transaction."""
import json

from flask import current_app

from ..database import upsert_insert
from ..extensions import db
from .state import FeedCursor, ReferenceItem, SyncRejection

STREAMS = ("rulesets", "catalogue", "samsat")


def cursor_of(stream: str) -> int:
    row = db.session.get(FeedCursor, stream)
    return row.last_seq if row else 0


def apply_page(stream: str, page: dict) -> None:
    """Upsert the page's items (the hub wins) and move the cursor; the caller commits."""
    before = stored(stream, [change["key"] for change in page["changes"]]) if stream == "catalogue" else {}
    for change in page["changes"]:
        values = {"stream": stream, "key": change["key"], "payload": json.dumps(change["payload"]),
                  "hub_seq": change["seq"]}
        db.session.execute(upsert_insert(ReferenceItem).values(values).on_conflict_do_update(
            index_elements=["stream", "key"], set_={k: values[k] for k in ("payload", "hub_seq")}))
    if stream == "samsat":
        _apply_verdicts(page["changes"])
    if stream == "catalogue":
        _apply_catalogue(page["changes"], before)
    row = db.session.get(FeedCursor, stream) or FeedCursor(stream=stream, last_seq=0)
    row.last_seq = max(row.last_seq, int(page["last_seq"]))
    db.session.add(row)


def _apply_verdicts(changes) -> None:
    """The hub's Samsat verdicts become the payments' status events, in the page's transaction."""
    from ..samsat.service import apply_hub_verdict
    for change in changes:
        try:
            apply_hub_verdict(change["payload"])
        except (KeyError, TypeError, ValueError) as exc:  # one malformed verdict must not stop the feed
            current_app.logger.warning("Konfirmasi Samsat %s tidak dapat diterapkan: %s", change.get("key"), exc)


def stored(stream: str, keys) -> dict:
    """{key: payload} of the items already received (read before the page overwrites them)."""
    keys = sorted(set(keys))
    rows = db.session.execute(db.select(ReferenceItem.key, ReferenceItem.payload).where(
        ReferenceItem.stream == stream, ReferenceItem.key.in_(keys))).all() if keys else []
    return {key: json.loads(payload) for key, payload in rows}


CURATED_MARK = "OPOP:"  # a held-back curated item in the "perlu perhatian" list: uuid OPOP:<code>, seq 0


def _apply_catalogue(changes, before) -> None:
    """Curated items onto the shop's products, in the page's transaction, then retry the ones held back."""
    held = {uuid[len(CURATED_MARK):] for uuid in db.session.scalars(
        db.select(SyncRejection.uuid).where(SyncRejection.uuid.startswith(CURATED_MARK)).distinct())}
    previous = dict(before)
    for change in changes:
        _apply_curated_item(change["key"], change["payload"], previous.get(change["key"]), held)
        previous[change["key"]] = change["payload"]
    for key in sorted(held - set(previous)):
        item = reference("catalogue", key)
        if item is not None:
            _apply_curated_item(key, item, None, held, retry=True)  # the shop may have settled the conflict


def _apply_curated_item(key, item, previous, held, retry=False) -> None:
    """Apply one item; one that cannot be applied is held back with its reason and never stops the feed."""
    from ..catalog.curated import CuratedSkip, apply_curated
    mark = (CURATED_MARK + key)[:64]
    try:
        if not isinstance(item, dict):
            raise CuratedSkip("catalogue_invalid", "isi bukan objek JSON")
        apply_curated({**item, "code": key}, previous)
    except CuratedSkip as skip:
        if not retry:
            current_app.logger.warning("Produk kurasi OPOP %s tidak diterapkan: %s", key, skip.detail)
        _hold(key, mark, skip.code, held)
        return
    if key in held:  # settled: it leaves the "perlu perhatian" list
        db.session.execute(db.delete(SyncRejection).where(SyncRejection.uuid == mark))
        held.discard(key)


def _hold(key, mark, code, held) -> None:
    """One "perlu perhatian" row per held-back item, with its latest reason."""
    if key in held:
        if db.session.scalar(db.select(SyncRejection.code).where(SyncRejection.uuid == mark).limit(1)) == code:
            return
        db.session.execute(db.delete(SyncRejection).where(SyncRejection.uuid == mark))
    db.session.add(SyncRejection(seq=0, uuid=mark, code=code))
    held.add(key)


def pull(client, stream: str, call) -> int:
    """Fetch and apply pages until the stream is drained; returns how many changes arrived."""
    received = 0
    while True:
        page = call(lambda: client.get(f"/ref/{stream}/changes", {"since": cursor_of(stream), "limit": 500}))
        apply_page(stream, page)
        db.session.commit()
        received += len(page["changes"])
        if not page.get("has_more"):
            return received


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
