"""What the shop shows: the chip, the pending and "perlu perhatian" lists, the 48-hour banner."""
import json
from datetime import timedelta

from flask import has_request_context
from flask_babel import gettext

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
    # the hub's verdicts on a Samsat payment (posapp/hub/confirm.py) and the counter's refusal codes
    "vehicle_not_found": "kendaraan tidak ada di data Samsat provinsi",
    "register_invalid": "data kendaraan di server provinsi tidak lengkap",
    "plate_invalid": "nomor polisi tidak sesuai format",
    "plate_not_jatim": "bukan kendaraan Jawa Timur",
    "not_supported": "kendaraan umum tidak dilayani di Samsat OPOP",
    "vehicle_blocked": "kendaraan diblokir Bapenda",
    "stnk_renewal_due": "waktunya pengesahan STNK lima tahunan",
    "too_many_years": "tunggakan lebih dari batas tahun",
    "not_due_yet": "pajak belum jatuh tempo",
}
KIND_LABELS = {"sale": "Penjualan", "refund": "Retur", "void": "Void", "samsat_payment": "Pembayaran Samsat",
               "samsat_refund": "Pengembalian Samsat", "samsat_shortfall": "Kurang bayar Samsat",
               "journal_entry": "Jurnal", "shift_close": "Tutup shift", "day_close": "Tutup hari"}


def kind_label(kind) -> str:
    """A record kind in words (never the code): unknown kinds read as words too."""
    return KIND_LABELS.get(kind) or str(kind or "").replace("_", " ").capitalize()
STALE_AFTER = timedelta(hours=48)


def _(text, **values) -> str:
    """The chip's words in the page's language (plain Indonesian outside a request: the CLI, tests)."""
    return gettext(text, **values) if has_request_context() else text % values


def attention_count() -> int:
    return db.session.scalar(db.select(db.func.count(db.func.distinct(SyncRejection.uuid))))


def chip() -> dict:
    """The status chip on every page: its tone, its text and whether the 48-hour banner shows."""
    state = db.session.get(SyncState, 1)
    pending, attention = pending_count(), attention_count()
    wib = (lambda moment: clock.to_wib(moment).strftime("%H:%M"))
    if state is None or not state.enrolled:
        return {"tone": "off", "text": _("Belum terhubung ke server provinsi"), "banner": False, "pending": pending}
    last = state.last_success_at
    # counted from the last upload, or from the enrolment when there was none yet (not at once after it)
    since = last or state.enrolled_at
    banner = since is None or clock.now() - since > STALE_AFTER
    if state.running:
        tone, text = "busy", _("Menyinkronkan… %(done)s/%(total)s", done=state.progress_done,
                                total=state.progress_total)
    elif attention:
        tone, text = "warn", _("%(n)s data perlu perhatian", n=attention)
    elif state.last_error:
        retry = f", coba lagi {wib(state.next_retry_at)}" if state.next_retry_at else ""
        tone, text = "error", f"{state.last_error}{retry}"
    elif pending:
        tone, text = "pending", _("%(n)s transaksi menunggu", n=pending)
    else:
        tone, text = "ok", _("Tersinkron %(time)s", time=wib(last)) if last else _("Belum pernah sinkron")
    return {"tone": tone, "text": text, "banner": banner and pending > 0, "pending": pending,
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
             "kind": kind_label(o.kind) if o else _curated_kind(r), "at": r.created_at,
             "business_date": o.business_date if o else None} for r, o in rows]


def _curated_kind(rejection) -> str:
    return "Katalog OPOP" if held_reason(rejection.uuid, "")[0] else ""


def _reason(rejection) -> str:
    """For a held-back curated product, also what stands in its way now (e.g. which product has the barcode)."""
    return held_reason(rejection.uuid, reason_text(rejection.code))[1]


def reconcile_rows(state):
    return json.loads(state.reconcile_json) if state and state.reconcile_json else []
