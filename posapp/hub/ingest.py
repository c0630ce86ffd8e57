"""Ingest one batch in one transaction: dedupe on (shop, uuid), reject per record, advance the cursor."""
from datetime import date

from flask import current_app
from sqlalchemy.dialects.postgresql import insert

from ..wire.protocol import record_amount
from .extensions import db
from .models import BatchReply, Koperasi, Record
from .quarantine import answer_items, refusal, store
from .security import ApiError, hub_now
from .validate import BatchError, Context, check_batch, record_problem
from .wirejson import Limits


def ingest(shop_id: int, batch, body_sha256: str) -> dict:
    """Store a batch and answer it; the caller commits. Replays get the stored answer."""
    try:
        check_batch(batch, current_app.config["HUB_MAX_RECORDS"])
    except BatchError as exc:
        raise ApiError(400, exc.code, f"Batch tidak sah: {exc}.") from exc
    # The row lock serialises two syncs of the same shop racing each other.
    shop = db.session.execute(db.select(Koperasi).where(Koperasi.id == shop_id).with_for_update()
                              .execution_options(populate_existing=True)).scalar_one()
    stored = db.session.get(BatchReply, (shop.id, batch["batch_id"]))
    if stored is not None:
        if stored.body_sha256 != body_sha256:
            raise ApiError(422, "batch_id_reused", "batch_id yang sama dengan isi berbeda.")
        return stored.answer
    if batch["from_seq"] > shop.last_seq + 1:
        raise ApiError(409, "seq_gap", "Ada celah urutan: kirim dari seq yang diharapkan.",
                       expected_seq=shop.last_seq + 1)
    answer = _apply(shop, batch)
    db.session.add(BatchReply(shop_id=shop.id, batch_id=batch["batch_id"], body_sha256=body_sha256,
                              answer=answer))
    return answer


def _context(shop, batch) -> Context:
    config = current_app.config
    limits = Limits(depth=config["HUB_MAX_DEPTH"], text=config["HUB_MAX_TEXT"], key=config["HUB_MAX_KEY"],
                    items=config["HUB_MAX_ITEMS"])
    return Context(batch["from_seq"], batch["to_seq"], shop.code, limits, config["HUB_MAX_RECORD_BYTES"])


def _triage(shop, batch):
    """Split the records: refused ones (with their reason) and valid ones by UUID (exact repeats kept once)."""
    ctx, refused, valid, seqs = _context(shop, batch), [], {}, set()
    for record in batch["records"]:
        problem = record_problem(record, ctx)
        if problem is None and record["uuid"] in valid:
            if valid[record["uuid"]]["sha256"] == record["sha256"]:
                continue  # the same record twice: stored once
            problem = "conflict", "UUID yang sama dua kali dengan isi berbeda dalam batch"
        if problem is None and record["seq"] in seqs:
            problem = "bad_seq", "seq ganda dalam batch"
        if problem:
            refused.append(refusal(record, *problem))
        else:
            valid[record["uuid"]] = record
            seqs.add(record["seq"])
    return refused, valid


def _apply(shop, batch):
    refused, valid = _triage(shop, batch)
    for uuid in _foreign(shop.id, list(valid)):
        refused.append(refusal(valid.pop(uuid), "uuid_other_shop", "UUID ini sudah dipakai toko lain"))
    created = _insert(shop.id, list(valid.values()))
    conflicts = _conflicts(shop.id, [r for u, r in valid.items() if u not in created])
    refused += [refusal(r, "conflict", "UUID sudah ada di server dengan isi berbeda") for r in conflicts]
    store(db.session, shop.id, refused)
    _confirm_samsat(shop, [r for u, r in valid.items() if u in created])
    shop.last_seq = max(shop.last_seq, batch["to_seq"])
    shop.last_sync_at = hub_now()
    duplicate = len(valid) - len(created) - len(conflicts)
    return {"accepted_through_seq": shop.last_seq,
            "results": {"created": len(created), "duplicate": duplicate, "rejected": answer_items(refused)}}


def _foreign(shop_id, uuids):
    """UUIDs another shop already holds: a shop can never write over another shop's facts."""
    if not uuids:
        return []
    return db.session.scalars(db.select(Record.uuid).where(Record.uuid.in_(uuids), Record.shop_id != shop_id)).all()


def _insert(shop_id, records):
    """Multi-row INSERT … ON CONFLICT DO NOTHING; returns the UUIDs actually created."""
    if not records:
        return set()
    now = hub_now()
    rows = [{"shop_id": shop_id, "uuid": r["uuid"], "seq": r["seq"], "kind": r["kind"],
             "business_date": date.fromisoformat(r["business_date"]), "sha256": r["sha256"],
             "amount": record_amount(r["kind"], r["payload"]), "payload": r["payload"], "received_at": now}
            for r in records]
    # executemany through "insertmanyvalues": multi-row VALUES pages with one cached compilation
    statement = insert(Record.__table__).on_conflict_do_nothing().returning(Record.__table__.c.uuid)
    return set(db.session.connection().execute(statement, rows).scalars().all())


def _conflicts(shop_id, duplicates):
    """Duplicates whose content differs from what the hub holds: a conflict, never an overwrite."""
    if not duplicates:
        return []
    held = dict(db.session.execute(db.select(Record.uuid, Record.sha256).where(
        Record.shop_id == shop_id, Record.uuid.in_([r["uuid"] for r in duplicates]))).all())
    return [r for r in duplicates if held.get(r["uuid"]) != r["sha256"]]


def _confirm_samsat(shop, records):
    """Price each new Samsat payment again (and judge each settlement of one); verdicts go down the feed."""
    samsat = [r for r in records if r["kind"] in ("samsat_payment", "samsat_refund", "samsat_shortfall")]
    if samsat:
        from .confirm import confirm_payments
        confirm_payments(shop, samsat)
