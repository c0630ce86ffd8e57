"""What the shop shows: the chip, the pending and "perlu perhatian" lists, the 48-hour banner."""
import json
from datetime import timedelta

from .. import clock
from ..extensions import db
from .models import Outbox
from .state import SyncRejection, SyncState
from .uploader import pending_count

REASONS = {
    "conflict": "UUID sama dengan isi berbeda dari yang sudah ada di server",
    "bad_sha256": "isi data rusak (sidik sha256 tidak cocok)",
    "bad_kind": "jenis data tidak dikenal server",
    "bad_uuid": "UUID tidak sah",
    "bad_date": "tanggal usaha tidak sah",
    "bad_payload": "isi data tidak sah",
    "bad_seq": "nomor urut di luar batch",
    "other_shop": "data milik toko lain",
    "uuid_other_shop": "UUID sudah dipakai toko lain",
}
KIND_LABELS = {"sale": "Penjualan", "refund": "Retur", "void": "Void", "samsat_payment": "Pembayaran Samsat",
               "journal_entry": "Jurnal", "shift_close": "Tutup shift", "day_close": "Tutup hari"}
STALE_AFTER = timedelta(hours=48)


def attention_count() -> int:
    return db.session.scalar(db.select(db.func.count(db.func.distinct(SyncRejection.uuid))))


def chip() -> dict:
    """The status chip on every page: its tone, its text and whether the 48-hour banner shows."""
    state = db.session.get(SyncState, 1)
    pending, attention = pending_count(), attention_count()
    wib = (lambda moment: clock.to_wib(moment).strftime("%H:%M"))
    if state is None or not state.enrolled:
        return {"tone": "off", "text": "Belum terhubung ke server provinsi", "banner": False, "pending": pending}
    last = state.last_success_at
    banner = last is None or clock.now() - last > STALE_AFTER
    if state.running:
        tone, text = "busy", f"Menyinkronkan… {state.progress_done}/{state.progress_total}"
    elif attention:
        tone, text = "warn", f"{attention} data perlu perhatian"
    elif state.last_error:
        retry = f", coba lagi {wib(state.next_retry_at)}" if state.next_retry_at else ""
        tone, text = "error", f"{state.last_error}{retry}"
    elif pending:
        tone, text = "pending", f"{pending} transaksi menunggu"
    else:
        tone, text = "ok", f"Tersinkron {wib(last)}" if last else "Belum pernah sinkron"
    return {"tone": tone, "text": text, "banner": banner and (pending > 0 or last is None), "pending": pending,
            "attention": attention, "last_success": last}


def pending_rows(limit=100):
    return db.session.scalars(db.select(Outbox).where(Outbox.acked_at.is_(None)).order_by(Outbox.seq)
                              .limit(limit)).all()


def attention_rows(limit=100):
    """Quarantined records with the reason in plain Indonesian."""
    rows = db.session.execute(db.select(SyncRejection, Outbox).outerjoin(Outbox, Outbox.seq == SyncRejection.seq)
                              .order_by(SyncRejection.seq.desc()).limit(limit)).all()
    return [{"seq": r.seq, "uuid": r.uuid, "code": r.code, "reason": REASONS.get(r.code, r.code),
             "kind": KIND_LABELS.get(o.kind, o.kind) if o else "", "business_date": o.business_date if o else None,
             "at": r.created_at} for r, o in rows]


def reconcile_rows(state):
    return json.loads(state.reconcile_json) if state and state.reconcile_json else []
