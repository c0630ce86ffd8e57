"""Store a batch's valid records near the floor, each payload's canonical text (made once by the check) as is.

The usual batch is all new: its UUIDs are COPY'd into the slim key table and its records into hub_record,
inside a savepoint. A UUID the hub already holds (a batch sent again after a lost answer, or another
shop's UUID) makes that COPY fail; the savepoint is rolled back and the batch takes the careful path:
one INSERT … ON CONFLICT DO NOTHING over arrays claims the new UUIDs, one SELECT says who holds the
others, and only the new records are COPY'd. Fixed statement texts: psycopg prepares them once per
connection. bench/hub_statements.py measures the choices side by side.
"""
import time
from collections import defaultdict
from datetime import timezone
from typing import NamedTuple

import orjson
import psycopg

from ..wire.protocol import record_amount
from .extensions import db, db_cursor

CLAIM = ("INSERT INTO hub_record_key (uuid, shop_id, business_date) "
         "SELECT u, %(shop)s, d FROM unnest(%(uuids)s::uuid[], %(days)s::date[]) AS t(u, d) "
         "ON CONFLICT (uuid) DO NOTHING RETURNING uuid::text")
HELD = ("SELECT k.uuid::text, k.shop_id, r.sha256 FROM hub_record_key k LEFT JOIN hub_record r "
        "ON r.shop_id = k.shop_id AND r.business_date = k.business_date AND r.uuid = k.uuid "
        "WHERE k.uuid = ANY(%(uuids)s::uuid[])")
COPY = ("COPY hub_record (shop_id, business_date, uuid, seq, kind, amount, sha256, payload, received_at) "
        "FROM STDIN")
COPY_KEYS = "COPY hub_record_key (uuid, shop_id, business_date) FROM STDIN"
DAILY = ("INSERT INTO hub_daily AS d (shop_id, business_date, kind, records, amount) "
         "SELECT %(shop)s, t.day, t.kind, t.n, t.amount "
         "FROM unnest(%(days)s::date[], %(kinds)s::text[], %(ns)s::bigint[], %(amounts)s::numeric[]) "
         "AS t(day, kind, n, amount) ON CONFLICT (shop_id, business_date, kind) "
         "DO UPDATE SET records = d.records + excluded.records, amount = d.amount + excluded.amount")
PRODUCTS = ("INSERT INTO hub_product_daily AS p (shop_id, business_date, sku, qty, amount) "
            "SELECT %(shop)s, t.day, t.sku, t.qty, t.amount "
            "FROM unnest(%(days)s::date[], %(skus)s::text[], %(qtys)s::numeric[], %(amounts)s::numeric[]) "
            "AS t(day, sku, qty, amount) "
            "ON CONFLICT (shop_id, business_date, sku) "
            "DO UPDATE SET qty = p.qty + excluded.qty, amount = p.amount + excluded.amount")
MEMBERS = ("INSERT INTO hub_member (shop_id, member_uuid) SELECT %(shop)s, u FROM unnest(%(uuids)s::text[]) AS t(u) "
           "ON CONFLICT DO NOTHING")
LOCK_SHOP = "SELECT id, code, last_seq FROM hub_koperasi WHERE id = %s FOR UPDATE"
REPLY = "SELECT body_sha256, answer FROM hub_batch WHERE shop_id = %s AND batch_id = %s"
SAVE_REPLY = ("INSERT INTO hub_batch (shop_id, batch_id, body_sha256, answer, created_at) "
              "VALUES (%s, %s, %s, %s::jsonb, %s)")
ADVANCE = ("UPDATE hub_koperasi SET last_seq = greatest(last_seq, %s), last_sync_at = %s WHERE id = %s "
           "RETURNING last_seq")
SALE_SIGN = {"sale": 1, "refund": -1, "void": -1}


class Shop(NamedTuple):
    """The uploading shop as its locked row says."""
    id: int
    code: str
    last_seq: int


def lock_shop(shop_id: int) -> Shop:
    """The shop's row, locked until the batch commits."""
    with db_cursor() as cursor:
        return Shop(*cursor.execute(LOCK_SHOP, (shop_id,)).fetchone())


def stored_reply(shop_id: int, batch_id: str) -> tuple | None:
    """(body sha256, answer) of a batch answered before, or None."""
    with db_cursor() as cursor:
        return cursor.execute(REPLY, (shop_id, batch_id)).fetchone()


def save_reply(shop_id: int, batch_id: str, body_sha256: str, answer: dict, now) -> None:
    with db_cursor() as cursor:
        cursor.execute(SAVE_REPLY, (shop_id, batch_id, body_sha256, orjson.dumps(answer).decode(), _naive(now)))


def advance_cursor(shop_id: int, to_seq: int, now) -> int:
    """Move the shop's cursor up to `to_seq` (never back) and note the sync; the cursor it is at now."""
    with db_cursor() as cursor:
        return cursor.execute(ADVANCE, (to_seq, _naive(now), shop_id)).fetchone()[0]


def _naive(moment):
    """The columns hold naive UTC."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def store_new(shop_id: int, records: dict, received_at) -> tuple[set, dict]:
    """Store the records new to the hub: (their UUIDs, {UUID held already: (shop_id, sha256)})."""
    with db_cursor() as cursor:
        cursor.execute("SAVEPOINT new_records")  # plain statements: the ORM has nothing of its own pending here
        try:
            with cursor.copy(COPY_KEYS) as copy:
                copy.write("".join(f"{uuid}\t{shop_id}\t{record['business_date']}\n"
                                   for uuid, (record, _text, _amount) in records.items()))
            copy_records(shop_id, records.values(), received_at)
        except psycopg.errors.UniqueViolation:
            cursor.execute("ROLLBACK TO SAVEPOINT new_records")
            created, held = claim(shop_id, records)
            copy_records(shop_id, [records[uuid] for uuid in created], received_at)
            return created, held
        cursor.execute("RELEASE SAVEPOINT new_records")
    return set(records), {}


def claim(shop_id: int, records: dict) -> tuple[set, dict]:
    """Claim the UUIDs in the slim key table: (UUIDs new to the hub, {held UUID: (shop_id, sha256)})."""
    uuids = list(records)
    with db_cursor() as cursor:
        cursor.execute(CLAIM, {"shop": shop_id, "uuids": uuids,
                               "days": [records[uuid][0]["business_date"] for uuid in uuids]})
        created = {row[0] for row in cursor.fetchall()}
        rest = [u for u in uuids if u not in created]
        held = {}
        if rest:
            cursor.execute(HELD, {"uuids": rest})
            held = {uuid: (shop, sha) for uuid, shop, sha in cursor.fetchall()}
    return created, held


def copy_records(shop_id: int, records, received_at) -> None:
    """COPY the new records into hub_record (rows are routed to their month's partition).

    The rows are written as COPY text in one piece: every value but the payload is checked plain text
    (digits, a UUID, a date, a kind, hex), and the payload is JSON, where a tab, a newline or a carriage
    return only ever stands escaped, so doubling its backslashes is all the escaping COPY needs."""
    stamp = _naive(received_at).isoformat()
    with db_cursor() as cursor, cursor.copy(COPY) as copy:
        copy.write("".join(
            f"{shop_id}\t{record['business_date']}\t{record['uuid']}\t{record['seq']}\t{record['kind']}\t"
            f"{amount}\t{record['sha256']}\t{text.replace(BACKSLASH, ESCAPED_BACKSLASH)}\t{stamp}\n"
            for record, text, amount in records))


BACKSLASH, ESCAPED_BACKSLASH = "\\", "\\\\"


def add_sums(shop_id: int, records, curated: frozenset) -> None:
    """Add the new records to the daily sums per kind, the curated products sold per day and the members known."""
    daily, products, members = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0]), set()
    for record, _text, amount in records:
        sums = daily[record["business_date"], record["kind"]]
        sums[0], sums[1] = sums[0] + 1, sums[1] + amount
        sign = SALE_SIGN.get(record["kind"])
        if sign and curated:
            _add_lines(products, curated, record["business_date"], record["payload"].get("lines"), sign)
        elif record["kind"] == "member":
            _add_member(members, record["payload"].get("member_uuid"))
    with db_cursor() as cursor:
        keys = list(daily)
        cursor.execute(DAILY, {"shop": shop_id, "days": [k[0] for k in keys], "kinds": [k[1] for k in keys],
                               "ns": [daily[k][0] for k in keys], "amounts": [daily[k][1] for k in keys]})
        if products:
            keys = list(products)
            cursor.execute(PRODUCTS, {"shop": shop_id, "days": [k[0] for k in keys], "skus": [k[1] for k in keys],
                                      "qtys": [products[k][0] for k in keys],
                                      "amounts": [products[k][1] for k in keys]})
        if members:
            cursor.execute(MEMBERS, {"shop": shop_id, "uuids": sorted(members)})


def _add_member(members: set, member_uuid) -> None:
    """A member's UUID as the shop sent it (text the payload check passed; anything else is not counted)."""
    if isinstance(member_uuid, str) and 0 < len(member_uuid) <= 64:
        members.add(member_uuid)


def _add_lines(products, curated, day, lines, sign) -> None:
    """Lines of curated items with integer qty and total (anything else is kept, not summed)."""
    for line in lines or ():
        sku, qty, total = line.get("sku"), line.get("qty"), line.get("total")
        if sku in curated and _whole(qty) and _whole(total):
            sums = products[day, sku]
            sums[0], sums[1] = sums[0] + sign * qty, sums[1] + sign * total


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def amount_of(record) -> int:
    return record_amount(record["kind"], record["payload"])


CURATED_TTL = 60.0  # seconds: a newly curated item is counted from the next minute on


def curated_codes(cache: dict) -> frozenset:
    """The curated OPOP codes, read at most once a minute per worker (`cache` lives on the app)."""
    from .models import CuratedProduct
    if cache.get("until", 0) < time.monotonic():
        cache["codes"] = frozenset(db.session.scalars(db.select(CuratedProduct.code)))
        cache["until"] = time.monotonic() + CURATED_TTL
    return cache["codes"]
