"""One sync run: lock, ask the hub's cursor, upload, pull the feeds, reconcile the last days.

A run never ends in an exception: whatever the link or the hub does, it ends with an outcome that
the sync page shows (and the next retry time), and the position is the hub's cursor, asked again
at the start of every run.
"""
import json
import logging
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
from . import answers, events, feed, lock, uploader
from .reconcile import reconcile

RECONCILE_DAYS = 7
log = logging.getLogger("posapp.sync")


class LeaseLost(Exception):
    """Another sync took the lease over (this process was frozen past it): stop between two steps."""


def client_for(state) -> HubClient:
    return HubClient(state.hub_url, state.key_id, state.secret, state.clock_offset,
                     timeout=current_app.config.get("SYNC_TIMEOUT", 30))


def retrying(sleep=None):
    """call(request, what): retry connection errors, damaged replies, replayed nonces, 429 and 5xx with
    full-jitter backoff (at least the hub's Retry-After), each retry written to the sync page's log."""
    config = current_app.config
    attempts, base = config.get("SYNC_MAX_ATTEMPTS", 8), config.get("SYNC_BACKOFF_BASE", 2.0)
    cap, longest = config.get("SYNC_BACKOFF_CAP", 600.0), config.get("SYNC_MAX_WAIT", 600.0)
    sleep = sleep or config.get("SYNC_SLEEP") or time.sleep

    def call(request, what="menghubungi server provinsi"):
        for attempt in range(attempts):
            try:
                return request()
            except HubUnreachable as exc:
                delay = max(backoff_delay(attempt, base, cap), exc.retry_after or 0)
                if attempt == attempts - 1 or delay > longest:
                    raise
                events.record("retry", f"{what}: {exc.cause}; dicoba lagi dalam {delay:.0f} detik "
                                       f"(percobaan {attempt + 2} dari {attempts})")
                sleep(delay)
    return call


def run_sync(sleep=None) -> dict:
    """Everything up to now onto the hub, and the hub's feeds down; skipped if a sync already runs."""
    try:
        owner = lock.acquire()
    except Exception as exc:  # the database itself is busy or gone: nothing started, nothing to undo
        log.exception("sync lock not taken")
        return {"ok": False, "skipped": True, "code": "lock_error",
                "message": f"Sinkronisasi belum bisa dimulai: {exc.__class__.__name__}."}
    if owner is None:
        return {"ok": False, "skipped": True, "message": "Sinkronisasi lain sedang berjalan."}
    try:
        with transaction():
            state = sync_state()
            if not state.enrolled:
                return {"ok": False, "message": "Toko belum terdaftar ke server provinsi."}
            state.last_attempt_at = clock.now()
        with lock.held(owner) as beat:
            return _run(state, owner, retrying(sleep), beat)
    except Exception as exc:  # a bug or a database error: shown on the page and retried later, never raised
        log.exception("sync run failed")
        return _failed(exc)
    finally:
        _release(owner)


def _release(owner):
    try:
        lock.release(owner)
    except Exception:  # the lease then runs out by itself within a minute
        log.exception("sync lease not released")


def _run(state, owner, call, beat):
    client = client_for(state)
    try:
        hub_last_seq = call(lambda: _cursor(client), "menanyakan posisi di server")
        sync_state().clock_offset = client.offset
        sent = upload(client, call, owner, hub_last_seq, beat)
        received = sum(feed.pull(client, stream, call) for stream in feed.STREAMS)
        today = clock.today()
        rows = reconcile(client, today - timedelta(days=RECONCILE_DAYS - 1), today, call)
    except (HubUnreachable, HubRefused, LeaseLost) as exc:
        return _failed(exc)
    with transaction():
        state = sync_state()
        state.last_success_at, state.last_error, state.next_retry_at = clock.now(), "", None
        state.reconcile_json = json.dumps(rows)
    events.record("done", f"Sinkronisasi selesai: {sent} data terkirim, {received} perubahan diterima.")
    return {"ok": True, "sent": sent, "received": received, "message": "Sinkronisasi selesai."}


def _cursor(client) -> int:
    data = client.get("/sync/cursor")
    client.adjust_offset(data.get("server_time"))
    return answers.cursor(data)


def upload(client, call, owner, hub_last_seq, beat=None) -> int:
    """Batches from the hub's cursor until the outbox is drained; returns records sent."""
    start, sent, gaps = uploader.start_seq(hub_last_seq), 0, 0
    with transaction():
        state = sync_state()
        state.progress_done, state.progress_total = 0, pending_count()
    while rows := uploader.next_batch(start):
        if beat is not None and beat.lost:
            raise LeaseLost("sinkronisasi lain mengambil alih")
        batch_id, body = uploader.batch_body(rows)
        first, last = rows[0].seq, rows[-1].seq
        try:
            through, rejected = call(lambda: answers.batch(client.post("/sync/batches", body=body), first, last),
                                     f"mengirim batch {batch_id}")
        except HubRefused as refusal:
            expected = refusal.data.get("expected_seq")
            if refusal.code == "seq_gap" and gaps < 3 and isinstance(expected, int) and 1 <= expected <= first:
                start, gaps = expected, gaps + 1  # the hub lost data: send again from where it stands
                continue
            raise
        hook = current_app.config.get("SYNC_FAULTS", {}).get("before_ack")
        if hook:
            hook()  # tests: the shop dies before it records the ack
        with transaction():
            uploader.record_answer(rows, through, rejected)
            kept = lock.refresh(owner)
            sync_state().progress_done += len(rows)
        start, sent = last + 1, sent + len(rows)
        if not kept:
            raise LeaseLost("sinkronisasi lain mengambil alih")
    return sent


def _failed(exc) -> dict:
    """The run's end when it did not finish: the cause on the page, and when to try again."""
    db.session.rollback()
    retry, code = None, getattr(exc, "code", None)
    if isinstance(exc, HubUnreachable):
        message, code = f"Gagal: {exc.cause}", "unreachable"
        retry = max(60.0, backoff_delay(4, 2.0, 600.0), exc.retry_after or 0)
    elif isinstance(exc, HubRefused):
        message = f"Ditolak server: {exc.message} ({exc.code})"
    elif isinstance(exc, LeaseLost):
        message, code = f"Dihentikan: {exc}", "lease_lost"
    else:
        message, code = f"Gagal: kesalahan tak terduga di toko ({exc.__class__.__name__})", "internal"
        retry = 300.0
    try:
        with transaction():
            state = sync_state()
            state.last_error = message
            state.next_retry_at = clock.now() + timedelta(seconds=retry) if retry else None
        events.record("failed", message)
    except Exception:  # the database refuses even this: the outcome is still returned, and logged
        log.exception("sync outcome not recorded")
    return {"ok": False, "message": message, "code": code}
