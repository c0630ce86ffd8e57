"""Arus kas (direct method): the money that went in and out of Kas and Bank, by what moved it.

Each journal entry's net effect on Kas + Bank is classified by the entry's source (the act that
posted it). A transfer between Kas and Bank nets to zero and shows nowhere, as it should.
"""
from ..extensions import db
from ..ledger.chart import BANK, KAS
from ..ledger.models import JournalEntry, JournalLine
from .rows import Row

OPERATING, INVESTING, FINANCING = "operasi", "investasi", "pendanaan"
# source -> (activity, label). Sources not listed are operating ("arus kas operasi lainnya").
CATEGORIES = {
    "sale": (OPERATING, "Penerimaan dari penjualan"),
    "refund": (OPERATING, "Pengembalian uang retur penjualan"),
    "void": (OPERATING, "Pengembalian uang retur penjualan"),
    "samsat": (OPERATING, "Penerimaan titipan PKB dan jasa loket Samsat"),
    "setoran": (OPERATING, "Penyetoran titipan PKB ke Samsat"),
    "purchase": (OPERATING, "Pembayaran kepada pemasok"),
    "supplier_payment": (OPERATING, "Pembayaran kepada pemasok"),
    "purchase_return": (OPERATING, "Penerimaan dari retur pembelian"),
    "consign_settle": (OPERATING, "Pembayaran kepada penitip (konsinyasi)"),
    "expense": (OPERATING, "Pembayaran beban operasional"),
    "income": (OPERATING, "Penerimaan pendapatan lain-lain"),
    "shift_close": (OPERATING, "Selisih kas"),
    "day_close": (OPERATING, "Selisih kas"),
    "cash_difference": (OPERATING, "Selisih kas"),
    "wallet": (OPERATING, "Titipan dompet santri (bersih)"),
    "member_credit": (OPERATING, "Penerimaan piutang anggota"),
    "opening": (FINANCING, "Modal / saldo awal"),
    "capital": (FINANCING, "Tambahan modal"),
    "savings": (FINANCING, "Simpanan anggota (bersih)"),
    "shu": (FINANCING, "Pembagian SHU"),
}
ACTIVITIES = ((OPERATING, "Arus kas dari aktivitas operasi"), (INVESTING, "Arus kas dari aktivitas investasi"),
              (FINANCING, "Arus kas dari aktivitas pendanaan"))
OTHER = "Arus kas operasi lainnya"
ORDER = list(dict.fromkeys([label for _, label in CATEGORIES.values()] + [OTHER]))


def cash_by_source(start, end) -> dict:
    """{source: net rupiah into Kas + Bank} over [start, end], one grouped query."""
    rows = db.session.execute(
        db.select(JournalEntry.source, db.func.sum(JournalLine.debit - JournalLine.credit))
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalLine.account_code.in_((KAS, BANK)), JournalEntry.business_date >= start,
               JournalEntry.business_date <= end).group_by(JournalEntry.source))
    return {source: int(net) for source, net in rows if net}


def cash_flow_rows(start, end) -> tuple[list[Row], int]:
    """(rows per activity with their totals, the net change)."""
    lines = {}
    for source, net in cash_by_source(start, end).items():
        activity, label = CATEGORIES.get(source, (OPERATING, OTHER))
        lines.setdefault(activity, {}).setdefault(label, 0)
        lines[activity][label] += net
    rows, change = [], 0
    for activity, title in ACTIVITIES:
        items = lines.get(activity, {})
        total = sum(items.values())
        rows.append(Row(title, style="head"))
        rows += [Row(label, items[label], 1) for label in sorted(items, key=ORDER.index) if items[label]]
        rows.append(Row(f"Kas bersih dari aktivitas {activity}", total, 0, "total"))
        change += total
    return rows, change
