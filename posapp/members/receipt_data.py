"""Member receipts (simpanan deposit/withdrawal, kasbon repayment) as data for receipts/member.txt."""
from .. import clock
from ..extensions import db
from ..receipts import ShopIdentity, pdf_for, print_document_for
from ..shop.service import get_settings
from . import savings
from .models import CreditMove, Saving
from .postings import LABELS

METHOD_LABELS = {"cash": "Tunai", "transfer": "Transfer", "shu": "Pembagian SHU"}


def find_document(doc_no: str):
    """The Saving or repayment CreditMove with this number, or None."""
    doc_no = (doc_no or "").strip().upper()
    return (db.session.scalar(db.select(Saving).where(Saving.doc_no == doc_no))
            or db.session.scalar(db.select(CreditMove).where(CreditMove.doc_no == doc_no, CreditMove.kind == "repay")))


def _base(record, copy):
    return {"shop": ShopIdentity.from_settings(get_settings()), "receipt_no": record.doc_no,
            "issued_at": record.created_at, "kasir": getattr(record.user, "full_name", "") or "-",
            "member_no": record.member.number, "member_name": record.member.name,
            "method": METHOD_LABELS.get(record.method, record.method), "reference": record.reference,
            "copy_printed_at": clock.now() if copy else None, "note": ""}


def saving_data(saving: Saving, copy=False) -> dict:
    verb = "SETORAN" if saving.direction == "setor" else "PENARIKAN"
    label = LABELS[saving.kind] + (f" {saving.months} bln mulai {saving.period}" if saving.months else "")
    after = savings.all_balances([saving.member_id], upto_id=saving.id).get(saving.member_id, {})
    return {**_base(saving, copy), "title": f"BUKTI {verb} SIMPANAN", "items": [(label, saving.amount)],
            "total_label": "JUMLAH", "total": saving.amount, "note": saving.note,
            "balances": [(f"Saldo {LABELS[k].lower()}", after.get(k, 0)) for k in savings.KINDS]}


def repayment_data(move: CreditMove, copy=False) -> dict:
    return {**_base(move, copy), "title": "BUKTI PEMBAYARAN KASBON", "items": [("Pembayaran piutang", move.amount)],
            "total_label": "DIBAYAR", "total": move.amount,
            "balances": [("Sisa kasbon", _open_after(move))]}


def _open_after(move: CreditMove) -> int:
    signed = db.case((CreditMove.kind == "charge", CreditMove.amount), else_=-CreditMove.amount)
    return int(db.session.scalar(db.select(db.func.coalesce(db.func.sum(signed), 0)).where(
        CreditMove.member_id == move.member_id, CreditMove.id <= move.id)))


def data_for(record, copy=False) -> dict:
    return saving_data(record, copy) if isinstance(record, Saving) else repayment_data(record, copy)


def print_receipt(record) -> dict:
    return print_document_for("member", lambda: data_for(record), record.doc_no)


def receipt_pdf(record) -> bytes:
    return pdf_for("member", data_for(record, copy=True))
