"""Pull the hub's reference feeds; each page, its cursor and its effects are applied in one transaction."""
from ..edge import transaction
from ..extensions import db
from ..wire import effects, reference
from ..wire.state import FeedCursor
from . import answers

STREAMS = ("rulesets", "catalogue", "samsat")


def cursor_of(stream: str) -> int:
    row = db.session.get(FeedCursor, stream)
    return row.last_seq if row else 0


def apply_page(stream: str, page: dict) -> None:
    """Store the page's items (the hub wins), let the feature that registered the stream apply them,
    and move the cursor; the caller commits."""
    keys = [change["key"] for change in page["changes"]]
    before = reference.stored(stream, keys)
    reference.store(stream, page["changes"])
    handler = effects.table().feeds.get(stream)
    if handler is not None:
        handler(page["changes"], before)
    row = db.session.get(FeedCursor, stream) or FeedCursor(stream=stream, last_seq=0)
    row.last_seq = max(row.last_seq, int(page["last_seq"]))
    db.session.add(row)


def pull(client, stream: str, call) -> int:
    """Fetch and apply pages until the stream is drained; returns how many changes arrived."""
    received = 0
    while True:
        page = call(lambda: answers.feed_page(client.get(f"/ref/{stream}/changes",
                                                         {"since": cursor_of(stream), "limit": 500})),
                    f"mengambil perubahan {stream}")
        with transaction():
            apply_page(stream, page)
        received += len(page["changes"])
        if not page.get("has_more"):
            return received
