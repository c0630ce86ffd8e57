"""A settlement of a Samsat payment (kurang bayar collected, pengembalian) judged against the hub's total.

The payment's row in hub_samsat_payment (found through the slim key table: the payment's business date
is its partition) keeps what its settlements add up to and points at its latest verdict, so a
settlement is judged by key lookups, never by scanning the uploads. Only the outlet that took the
payment can settle it.
"""
from datetime import date

from ..limits import is_bigint
from . import paid
from .confirm import ntpd_for, shop_total
from .extensions import db
from .facts import Record, RecordKey, SamsatPayment
from .models import RefChange
from .validate import UUID

KINDS = ("samsat_refund", "samsat_shortfall")


def payment_row(shop_id: int, payment_uuid) -> SamsatPayment | None:
    """This shop's payment row for `payment_uuid`, or None (unknown, malformed, or another outlet's)."""
    if not isinstance(payment_uuid, str) or not UUID.match(payment_uuid):
        return None  # the key columns are uuid: junk must never reach the query
    key = db.session.get(RecordKey, payment_uuid)
    if key is None or key.shop_id != shop_id:
        return None
    return db.session.get(SamsatPayment, (shop_id, key.business_date, payment_uuid))


def signed_amount(kind: str, payload: dict) -> int:
    """What a settlement adds to what the shop charged: a shortfall collected +, an excess refunded −, a whole
    refund nothing (it ends the payment instead)."""
    amount = payload.get("amount") if is_bigint(payload.get("amount")) else 0
    if kind == "samsat_shortfall":
        return amount
    return -amount if payload.get("reason") == "kelebihan" else 0


def judge_settlement(shop, record) -> tuple[SamsatPayment | None, dict | None]:
    """(the payment's row, its new verdict): a whole refund frees the payment's years (no verdict); a selisih
    settled to the hub's total is terkonfirmasi with its NTPD, short of it still selisih (settlement_mismatch)."""
    payload = record["payload"]
    row = payment_row(shop.id, payload.get("payment_uuid"))
    if row is None:
        return None, None
    if payload.get("reason") == "ditolak":
        paid.release(row.uuid, shop.id)
        row.status = "dikembalikan"
        return row, None
    row.settled = int(row.settled) + signed_amount(record["kind"], payload)
    last = db.session.get(RefChange, row.feed_seq)
    if row.status != "selisih" or last is None or last.payload.get("hub_total") is None:
        return row, None
    stored = db.session.get(Record, (shop.id, row.business_date, row.uuid))
    if stored is None:  # a row without its record cannot be: judge nothing rather than fail the batch
        return row, None
    payment = stored.content()
    hub_total, charged = last.payload["hub_total"], (shop_total(payment) or 0) + int(row.settled)
    verdict = {**last.payload, "shop_total": charged, "difference": hub_total - charged,
               "reason": "settled" if charged == hub_total else "settlement_mismatch"}
    if charged == hub_total:
        paid_on = date.fromisoformat(payment.get("paid_on") or row.business_date.isoformat())
        verdict.update(status="terkonfirmasi", ntpd=ntpd_for(row.uuid, paid_on), difference=0)
    return row, verdict
