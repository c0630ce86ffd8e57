"""What the shop shows: the chip, the pending and "perlu perhatian" lists, the 48-hour banner."""
import json
from datetime import timedelta

from .. import clock
from ..extensions import db
from ..catalog.curated_feed import held_reason
from ..wire.models import Outbox
from ..wire.outbox import pending_count
from ..wire.state import SyncRejection, SyncState
from ..i18n import N_, _

REASONS = {  # the hub's reason codes (posapp/hub/reasons.py), said for the shop's manager
    "conflict": N_("UUID sama dengan isi berbeda dari yang sudah ada di server"),
    "bad_sha256": N_("isi data rusak (sidik sha256 tidak cocok)"),
    "bad_kind": N_("jenis data tidak dikenal server"),
    "bad_uuid": N_("UUID tidak sah"),
    "bad_date": N_("tanggal usaha tidak sah (harus antara 2000 dan 2099)"),
    "bad_payload": N_("isi data tidak sah"),
    "bad_seq": N_("nomor urut tidak sah, di luar batch, atau ganda"),
    "bad_record": N_("data bukan objek JSON"),
    "bad_text": N_("teks berisi karakter yang tidak bisa disimpan server (NUL atau karakter rusak)"),
    "bad_integer": N_("bilangan bulat di luar batas server (±9.223.372.036.854.775.807)"),
    "bad_number": N_("angka tidak sah (NaN atau tak hingga)"),
    "bad_amount": N_("jumlah uang harus bilangan bulat rupiah dalam batas"),
    "bad_field": N_("kolom data berbentuk salah (mis. baris jurnal bukan objek)"),
    "too_deep": N_("data bersarang terlalu dalam"),
    "too_long": N_("teks, daftar, atau data terlalu panjang"),
    "other_shop": N_("data milik toko lain"),
    "uuid_other_shop": N_("UUID sudah dipakai toko lain"),
    "catalogue_barcode_taken": N_("barcode produk kurasi OPOP sudah dipakai produk lain di toko ini"),
    "catalogue_invalid": N_("produk kurasi OPOP dari server tidak sah"),
    # the hub's verdicts on a Samsat payment (posapp/hub/confirm.py) and the counter's refusal codes
    "vehicle_not_found": N_("kendaraan tidak ada di data Samsat provinsi"),
    "register_invalid": N_("data kendaraan di server provinsi tidak lengkap"),
    "plate_invalid": N_("nomor polisi tidak sesuai format"),
    "plate_not_jatim": N_("bukan kendaraan Jawa Timur"),
    "not_supported": N_("kendaraan umum tidak dilayani di Samsat OPOP"),
    "vehicle_blocked": N_("kendaraan diblokir Bapenda"),
    "stnk_renewal_due": N_("waktunya pengesahan STNK lima tahunan"),
    "too_many_years": N_("tunggakan lebih dari batas tahun"),
    "not_due_yet": N_("pajak belum jatuh tempo"),
}
KIND_LABELS = {"sale": N_("Penjualan"), "refund": N_("Retur"), "void": N_("Void"), "samsat_payment": N_("Pembayaran Samsat"),
               "samsat_refund": N_("Pengembalian Samsat"), "samsat_shortfall": N_("Kurang bayar Samsat"),
               "journal_entry": N_("Jurnal"), "shift_close": N_("Tutup shift"), "day_close": N_("Tutup hari"),
               "member": N_("Anggota"), "member_saving": N_("Simpanan anggota"), "member_credit": N_("Kasbon anggota"),
               "shu_payout": N_("Pembagian SHU"), "wallet_move": N_("Mutasi dompet santri"),
               "purchase": N_("Pembelian"), "supplier_payment": N_("Pembayaran ke pemasok"),
               "purchase_return": N_("Retur pembelian"), "consignment_settlement": N_("Penyelesaian titip jual"),
               "consignment_return": N_("Pengembalian barang titipan"), "cash_movement": N_("Kas keluar / masuk"),
               "month_close": N_("Tutup bulan")}
STALE_AFTER = timedelta(hours=48)


def kind_label(kind) -> str:
    """A record kind in the page's language (never the code): an unknown kind reads as words too."""
    label = KIND_LABELS.get(kind)
    return _(label) if label else str(kind or "").replace("_", " ").capitalize()


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
        retry = _(', coba lagi %(wib)s', wib=wib(state.next_retry_at)) if state.next_retry_at else ""
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
    """A reason code in words, in the page's language (the code itself when unknown)."""
    return _(REASONS[code]) if code in REASONS else code or ""


def attention_rows(limit=100):
    """Quarantined records and held-back curated products (seq 0), with the reason in plain Indonesian."""
    rows = db.session.execute(db.select(SyncRejection, Outbox).outerjoin(Outbox, Outbox.seq == SyncRejection.seq)
                              .order_by((SyncRejection.seq == 0).desc(), SyncRejection.seq.desc().nulls_last(),
                                        SyncRejection.id.desc()).limit(limit)).all()
    return [{"seq": r.seq, "uuid": r.uuid, "code": r.code, "reason": _reason(r), "detail": r.detail or "",
             "kind": kind_label(o.kind) if o else _curated_kind(r), "at": r.created_at,
             "business_date": o.business_date if o else None} for r, o in rows]


def _curated_kind(rejection) -> str:
    return _("Katalog OPOP") if held_reason(rejection.uuid, "")[0] else ""


def _reason(rejection) -> str:
    """For a held-back curated product, also what stands in its way now (e.g. which product has the barcode)."""
    return held_reason(rejection.uuid, reason_text(rejection.code))[1]


def reconcile_rows(state):
    return json.loads(state.reconcile_json) if state and state.reconcile_json else []
