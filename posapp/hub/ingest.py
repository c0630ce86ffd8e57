"""Ingest one batch in one transaction: dedupe on the UUID (one shop's for ever), reject per record, advance the
cursor. The SQL is in store.py."""
from flask import current_app

from . import partitions, store, verdicts
from .extensions import db
from .quarantine import answer_items, refusal, store as store_refusals
from .quicktext import quick_texts
from .security import ApiError, hub_now
from .validate import BatchError, Context, check_batch, judge_record
from .wirejson import Limits


def ingest(shop_id: int, batch, body_sha256: str) -> dict:
    """Store a batch and answer it; the caller commits. Replays get the stored answer."""
    try:
        check_batch(batch, current_app.config["HUB_MAX_RECORDS"])
    except BatchError as exc:
        raise ApiError(400, exc.code, f"Batch tidak sah: {exc}.") from exc
    shop = store.lock_shop(shop_id)  # the row lock serialises two syncs of the same shop racing each other
    stored = store.stored_reply(shop.id, batch["batch_id"])
    if stored is not None:
        if stored[0] != body_sha256:
            raise ApiError(422, "batch_id_reused", "batch_id yang sama dengan isi berbeda.")
        return stored[1]
    if batch["from_seq"] > shop.last_seq + 1:
        raise ApiError(409, "seq_gap", "Ada celah urutan: kirim dari seq yang diharapkan.",
                       expected_seq=shop.last_seq + 1)
    answer = _apply(shop, batch)
    store.save_reply(shop.id, batch["batch_id"], body_sha256, answer, hub_now())
    return answer


def _context(shop, batch) -> Context:
    config = current_app.config
    limits = Limits(depth=config["HUB_MAX_DEPTH"], text=config["HUB_MAX_TEXT"], key=config["HUB_MAX_KEY"],
                    items=config["HUB_MAX_ITEMS"])
    return Context(batch["from_seq"], batch["to_seq"], shop.code, limits, config["HUB_MAX_RECORD_BYTES"])


def _triage(shop, batch):
    """Split the records: refused ones (with their reason) and valid ones by UUID as (record, canonical text)
    (exact repeats kept once)."""
    ctx, refused, valid, seqs = _context(shop, batch), [], {}, set()
    quick = quick_texts(batch["records"], ctx.limits, ctx.max_record_bytes)
    for record, quick_text in zip(batch["records"], quick):
        problem, text = judge_record(record, ctx, quick_text)
        if problem is None and record["uuid"] in valid:
            if valid[record["uuid"]][0]["sha256"] == record["sha256"]:
                continue  # the same record twice: stored once
            problem = "conflict", "UUID yang sama dua kali dengan isi berbeda dalam batch"
        if problem is None and record["seq"] in seqs:
            problem = "bad_seq", "seq ganda dalam batch"
        if problem:
            refused.append(refusal(record, *problem))
        else:
            valid[record["uuid"]] = (record, text)
            seqs.add(record["seq"])
    return refused, valid


def _apply(shop, batch):
    refused, valid = _triage(shop, batch)
    partitions.ensure(record["business_date"] for record, _ in valid.values())
    records = {uuid: (record, text, store.amount_of(record)) for uuid, (record, text) in valid.items()}
    created, held = store.store_new(shop.id, records, hub_now()) if records else (set(), {})
    duplicate = 0
    for uuid, (held_by, sha256) in held.items():
        record = valid[uuid][0]
        if held_by != shop.id:
            refused.append(refusal(record, "uuid_other_shop", "UUID ini sudah dipakai toko lain"))
        elif sha256 != record["sha256"]:
            refused.append(refusal(record, "conflict", "UUID sudah ada di server dengan isi berbeda"))
        else:
            duplicate += 1
    new = [records[uuid] for uuid in records if uuid in created]
    if new:
        store.add_sums(shop.id, new, store.curated_codes(current_app.extensions.setdefault("hub_curated", {})))
    store_refusals(db.session, shop.id, refused)
    _confirm_samsat(shop, [record for record, _text, _amount in new])
    return {"accepted_through_seq": store.advance_cursor(shop.id, batch["to_seq"], hub_now()),
            "results": {"created": len(new), "duplicate": duplicate, "rejected": answer_items(refused)}}


def _confirm_samsat(shop, records):
    """Price each new Samsat payment again (and judge each settlement of one); verdicts go down the feed."""
    samsat = sorted((r for r in records if r["kind"] in verdicts.KINDS), key=lambda r: r["seq"])
    if samsat:
        verdicts.confirm_payments(shop, samsat)
