"""Samsat verdicts at ingest, in the batch's transaction: each new payment is judged (confirm.py), each
settlement of one too (settlement.py); every verdict goes down the shop's Samsat feed and into the
payment's row the province's dashboard reads (hub_samsat_payment)."""
from datetime import date

from sqlalchemy.dialects.postgresql import insert

from ..limits import BIGINT_MAX, BIGINT_MIN
from . import settlement
from .confirm import judge_payment
from .extensions import db
from .facts import SamsatPayment
from .feeds import published_book
from .fields import PKB_OPSEN, SWDKLLJ, bill_sum
from .models import RefChange
from .security import hub_now

KINDS = ("samsat_payment", *settlement.KINDS)


def confirm_payments(shop, records):
    """Publish one verdict per new payment or settlement (records in seq order) and keep the payments' rows."""
    now, book, rows = hub_now(), None, []
    for record in records:
        if record["kind"] == "samsat_payment":
            book = book or published_book()
            verdict = judge_payment(shop, record, book)
            change = _publish(shop.id, record["uuid"], verdict, now)
            rows.append(_row(shop.id, record, verdict, change.seq))
            continue
        rows = _insert(rows)  # a settlement may follow its payment in the same batch
        row, verdict = settlement.judge_settlement(shop, record)
        if verdict is not None:
            change = _publish(shop.id, row.uuid, verdict, now)
            row.status, row.difference, row.feed_seq = verdict["status"], _bigint(verdict["difference"]), change.seq
    _insert(rows)


def _publish(shop_id: int, payment_uuid: str, verdict: dict, now) -> RefChange:
    verdict.update(payment_uuid=payment_uuid, confirmed_at=now.isoformat())
    change = RefChange(stream="samsat", shop_id=shop_id, key=payment_uuid, payload=verdict, created_at=now)
    db.session.add(change)
    db.session.flush()  # its seq: the row says which verdict the shop has yet to take
    return change


def _row(shop_id: int, record, verdict: dict, feed_seq: int) -> dict:
    """The payment as the province reads it: its money by kind and the hub's verdict."""
    payload = record["payload"]
    return {"shop_id": shop_id, "business_date": date.fromisoformat(record["business_date"]),
            "uuid": record["uuid"], "status": verdict["status"],
            "pkb_opsen": bill_sum(payload.get("bill"), PKB_OPSEN), "swdkllj": bill_sum(payload.get("bill"), SWDKLLJ),
            "fee": payload.get("fee") or 0, "difference": _bigint(verdict["difference"] or 0),
            "feed_seq": feed_seq, "settled": 0}


def _insert(rows: list) -> list:
    if rows:
        db.session.execute(insert(SamsatPayment).values(rows).on_conflict_do_nothing())
    return []


def _bigint(value: int) -> int:
    """A difference against a charged amount near the bigint edge still fits the column."""
    return max(BIGINT_MIN, min(BIGINT_MAX, value or 0))
