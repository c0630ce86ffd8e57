"""Refused records: what the shop is told (seq, uuid, code, detail) and what the hub keeps to look at."""
from flask import current_app
from sqlalchemy.dialects.postgresql import insert

from ..limits import is_bigint
from .models import Rejection
from .security import hub_now
from .wirejson import safe_text


def refusal(record, code: str, detail: str = "") -> dict:
    """One refused record; every field is safe to store and to answer with, whatever the shop sent."""
    fields = record if isinstance(record, dict) else {}
    seq = fields.get("seq")
    return {"seq": seq if is_bigint(seq) else None, "uuid": safe_text(_text(fields.get("uuid")), 64),
            "code": code, "detail": safe_text(detail, 200), "kind": safe_text(_text(fields.get("kind")), 30),
            "raw": safe_text(record, current_app.config["HUB_QUARANTINE_TEXT"])}


def _text(value) -> str:
    return value if isinstance(value, str) else ("" if value is None else repr(value))


def answer_items(refusals) -> list[dict]:
    """The `rejected` list of the batch answer, in seq order (unknown seqs first)."""
    items = [{k: r[k] for k in ("seq", "uuid", "code", "detail")} for r in refusals]
    return sorted(items, key=lambda r: r["seq"] if r["seq"] is not None else 0)


def store(session, shop_id: int, refusals) -> None:
    """Keep the refused records (with the payload text made safe) for the hub's "Karantina" page."""
    if refusals:
        now = hub_now()
        session.execute(insert(Rejection).values([
            {"shop_id": shop_id, "seq": r["seq"], "uuid": r["uuid"], "kind": r["kind"], "code": r["code"],
             "detail": r["detail"], "payload": r["raw"], "created_at": now} for r in refusals]))
