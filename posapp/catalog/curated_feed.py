"""The catalogue feed's effect: curated items onto the shop's products, in the feed page's transaction.

An item that cannot be applied is held back in "Perlu perhatian" (a sync rejection with seq 0 and the
uuid `OPOP:<code>`) with its reason, never stops the feed, and is tried again with every later page.
"""
from flask import current_app

from ..extensions import db
from ..wire.reference import reference
from ..wire.state import SyncRejection
from .curated import CuratedSkip, apply_curated, check

CURATED_MARK = "OPOP:"


def apply_catalogue(changes, before) -> None:
    """Apply a page's items, then retry the ones held back (the shop may have settled the conflict)."""
    held = {uuid[len(CURATED_MARK):] for uuid in db.session.scalars(
        db.select(SyncRejection.uuid).where(SyncRejection.uuid.startswith(CURATED_MARK)).distinct())}
    previous = dict(before)
    for change in changes:
        _apply_item(change["key"], change["payload"], previous.get(change["key"]), held)
        previous[change["key"]] = change["payload"]
    for key in sorted(held - set(previous)):
        item = reference("catalogue", key)
        if item is not None:
            _apply_item(key, item, None, held, retry=True)


def _apply_item(key, item, previous, held, retry=False) -> None:
    """Apply one item; one that cannot be applied is held back with its reason."""
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


def held_reason(uuid: str, text: str) -> tuple[bool, str]:
    """(is a held-back curated item, its reason with what stands in its way now) for the sync page."""
    if not uuid.startswith(CURATED_MARK):
        return False, text
    code = uuid[len(CURATED_MARK):]
    item = reference("catalogue", code)
    try:
        check({**item, "code": code}) if isinstance(item, dict) else None
    except CuratedSkip as skip:
        return True, f"{text}: {skip.detail}"
    return True, f"{text} (diterapkan lagi pada sinkronisasi berikutnya)"
