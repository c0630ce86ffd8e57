"""Wallet receipts (top-up for the wali, withdrawal) as data for receipts/member.txt."""
from .. import clock
from ..extensions import db
from ..receipts import ShopIdentity, pdf_for, print_document_for
from ..shop.service import get_settings
from .models import WalletMove

TITLES = {"topup": "BUKTI ISI SALDO DOMPET SANTRI", "withdraw": "BUKTI TARIK SALDO DOMPET SANTRI"}


def find(doc_no):
    return db.session.scalar(db.select(WalletMove).where(WalletMove.doc_no == (doc_no or "").strip().upper(),
                                                         WalletMove.kind.in_(tuple(TITLES))))


def data_for(move: WalletMove, copy=False) -> dict:
    wallet = move.wallet
    note = f"Kamar {wallet.room}. " if wallet.room else ""
    note += f"Wali: {wallet.wali_name}" if wallet.wali_name else ""
    return {"shop": ShopIdentity.from_settings(get_settings()), "receipt_no": move.doc_no, "issued_at": move.created_at,
            "kasir": getattr(move.user, "full_name", "") or "-", "member_no": f"NIS {wallet.nis}",
            "member_name": wallet.member.name, "method": {"cash": "Tunai", "transfer": "Transfer"}.get(move.method, move.method),
            "reference": move.reference, "copy_printed_at": clock.now() if copy else None, "title": TITLES[move.kind],
            "items": [("Isi saldo" if move.kind == "topup" else "Tarik saldo", move.amount)], "total_label": "JUMLAH",
            "total": move.amount, "balances": [("Saldo dompet", move.balance_after)], "note": note}


def print_receipt(move) -> dict:
    return print_document_for("member", lambda: data_for(move), move.doc_no)


def receipt_pdf(move) -> bytes:
    return pdf_for("member", data_for(move, copy=True))
