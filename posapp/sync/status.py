"""What the shop shows: the chip, the pending and "perlu perhatian" lists, the 48-hour banner."""
import json
from datetime import timedelta

from .. import clock
from ..extensions import db
from ..catalog.curated_feed import held_reason
from ..wire.models import Outbox
from ..wire.outbox import pending_count
from ..wire.state import SyncRejection, SyncState

REASONS = {  # the hub's reason codes (posapp/hub/reasons.py), said for the shop's manager
    "conflict": "UUID sama dengan isi berbeda dari yang sudah ada di server",
    "bad_sha256": "isi data rusak (sidik sha256 tidak cocok)",
    "bad_kind": "jenis data tidak dikenal server",
    "bad_uuid": "UUID tidak sah",
    "bad_date": "tanggal usaha tidak sah (harus antara 2000 dan 2099)",
    "bad_payload": "isi data tidak sah",
    "bad_seq": "nomor urut tidak sah, di luar batch, atau ganda",
    "bad_record": "data bukan objek JSON",
    "bad_text": "teks berisi karakter yang tidak bisa disimpan server (NUL atau karakter rusak)",
    "bad_integer": "bilangan bulat di luar batas server (±9.223.372.036.854.775.807)",
    "bad_number": "angka tidak sah (NaN atau tak hingga)",
    "bad_amount": "jumlah uang harus bilangan bulat rupiah dalam batas",
    "bad_field": "kolom data berbentuk salah (mis. baris jurnal bukan objek)",
    "too_deep": "data bersarang terlalu dalam",
    "too_long": "teks, daftar, atau data terlalu panjang",
    "other_shop": "data milik toko lain",
    "uuid_other_shop": "UUID sudah dipakai toko lain",
    "catalogue_barcode_taken": "barcode produk kurasi OPOP sudah dipakai produk lain di toko ini",
    "catalogue_invalid": "produk kurasi OPOP dari server tidak sah",
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


def reason_text(code) -> str:
    """A reason code in plain Indonesian (the code itself when unknown)."""
    return REASONS.get(code, code or "")


def attention_rows(limit=100):
    """Quarantined records and held-back curated products (seq 0), with the reason in plain Indonesian."""
    rows = db.session.execute(db.select(SyncRejection, Outbox).outerjoin(Outbox, Outbox.seq == SyncRejection.seq)
                              .order_by((SyncRejection.seq == 0).desc(), SyncRejection.seq.desc().nulls_last(),
                                        SyncRejection.id.desc()).limit(limit)).all()
    return [{"seq": r.seq, "uuid": r.uuid, "code": r.code, "reason": _reason(r), "detail": r.detail or "",
             "kind": KIND_LABELS.get(o.kind, o.kind) if o else _curated_kind(r), "at": r.created_at,
             "business_date": o.business_date if o else None} for r, o in rows]


def _curated_kind(rejection) -> str:
    return "Katalog OPOP" if held_reason(rejection.uuid, "")[0] else ""


def _reason(rejection) -> str:
    """For a held-back curated product, also what stands in its way now (e.g. which product has the barcode)."""
    return held_reason(rejection.uuid, reason_text(rejection.code))[1]


def reconcile_rows(state):
    return json.loads(state.reconcile_json) if state and state.reconcile_json else []
