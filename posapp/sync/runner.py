"""One sync run: lock, ask the hub's cursor, upload, pull the feeds, reconcile the last days."""
import json
import time
from datetime import timedelta

from flask import current_app

from .. import clock
from ..edge import transaction
from ..extensions import db
from ..wire.client import HubClient, HubRefused, HubUnreachable
from ..wire.outbox import pending_count
from ..wire.protocol import backoff_delay
from ..wire.state import state as sync_state
from . import feed, lock, uploader
from .reconcile import reconcile

RECONCILE_DAYS = 7


def client_for(state) -> HubClient:
    return HubClient(state.hub_url, state.key_id, state.secret, state.clock_offset,
                     timeout=current_app.config.get("SYNC_TIMEOUT", 30))


def retrying(sleep=None):
    """Call a request, retrying connection errors, 429 and 5xx with full-jitter backoff."""
    config = current_app.config
    attempts, base = config.get("SYNC_MAX_ATTEMPTS", 8), config.get("SYNC_BACKOFF_BASE", 2.0)
    sleep = sleep or config.get("SYNC_SLEEP") or time.sleep

    def call(request):
        for attempt in range(attempts):
            try:
                return request()
            except HubUnreachable as exc:
                if attempt == attempts - 1:
                    raise
                # a busy hub says when to come back (Retry-After): never sooner
                sleep(max(exc.retry_after or 0, backoff_delay(attempt, base, config.get("SYNC_BACKOFF_CAP", 600.0))))
    return call


def run_sync(sleep=None) -> dict:
    """Everything up to now onto the hub, and the hub's feeds down; skipped if a sync already runs."""
    owner = lock.acquire()
    if owner is None:
        return {"ok": False, "skipped": True, "message": "Sinkronisasi lain sedang berjalan."}
    try:
        with transaction():
            state = sync_state()
            if not state.enrolled:
                return {"ok": False, "message": "Toko belum terdaftar ke server provinsi."}
            state.last_attempt_at = clock.now()
        return _run(state, owner, retrying(sleep))
    finally:
        lock.release(owner)


def _run(state, owner, call):
    client = client_for(state)
    try:
        cursor = call(lambda: client.get("/sync/cursor"))
        client.adjust_offset(cursor.get("server_time"))
        state = sync_state()
        state.clock_offset = client.offset
        sent = upload(client, call, owner, int(cursor["last_seq"]))
        received = sum(feed.pull(client, stream, call) for stream in feed.STREAMS)
        today = clock.today()
        rows = reconcile(client, today - timedelta(days=RECONCILE_DAYS - 1), today, call)
    except (HubUnreachable, HubRefused) as exc:
        return _failed(exc)
    with transaction():
        state = sync_state()
        state.last_success_at, state.last_error, state.next_retry_at = clock.now(), "", None
        state.reconcile_json = json.dumps(rows)
    return {"ok": True, "sent": sent, "received": received, "message": "Sinkronisasi selesai."}


def upload(client, call, owner, hub_last_seq) -> int:
    """Batches from the hub's cursor until the outbox is drained; returns records sent."""
    start, sent, gaps = uploader.start_seq(hub_last_seq), 0, 0
    with transaction():
        state = sync_state()
        state.progress_done, state.progress_total = 0, pending_count()
    while rows := uploader.next_batch(start):
        _batch_id, body = uploader.batch_body(rows)
        try:
            answer = call(lambda: client.post("/sync/batches", body=body))
        except HubRefused as refusal:
            if refusal.code == "seq_gap" and gaps < 3:  # the hub lost data: send again from where it stands
                start, gaps = int(refusal.data["expected_seq"]), gaps + 1
                continue
            raise
        hook = current_app.config.get("SYNC_FAULTS", {}).get("before_ack")
        if hook:
            hook()  # tests: the shop dies before it records the ack
        with transaction():
            uploader.record_answer(rows, answer)
            lock.refresh(owner)
            sync_state().progress_done += len(rows)
        start, sent = rows[-1].seq + 1, sent + len(rows)
    return sent


def _failed(exc) -> dict:
    db.session.rollback()
    with transaction():
        state = sync_state()
        if isinstance(exc, HubUnreachable):
            state.last_error = f"Gagal: {exc}"
            state.next_retry_at = clock.now() + timedelta(seconds=max(60, backoff_delay(4, 2.0, 600.0)))
        else:
            state.last_error = f"Ditolak server: {exc.message} ({exc.code})"
            state.next_retry_at = None
    return {"ok": False, "message": state.last_error, "code": getattr(exc, "code", "unreachable")}
