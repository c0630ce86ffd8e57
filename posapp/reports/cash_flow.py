"""Arus kas (direct method): the money that went in and out of Kas and Bank, by what moved it.

Each journal entry's net effect on Kas + Bank is classified by the entry's source (the act that
posted it). A transfer between Kas and Bank nets to zero and shows nowhere, as it should.
"""
from ..extensions import db
from ..ledger.chart import BANK, KAS
from ..ledger.models import JournalEntry, JournalLine
from ..i18n import N_, _
from .rows import Row

OPERATING, INVESTING, FINANCING = "operasi", "investasi", "pendanaan"
TOTALS = {OPERATING: N_("Kas bersih dari aktivitas operasi"), INVESTING: N_("Kas bersih dari aktivitas investasi"),
          FINANCING: N_("Kas bersih dari aktivitas pendanaan")}
# source -> (activity, label). Sources not listed are operating ("arus kas operasi lainnya").
CATEGORIES = {
    "sale": (OPERATING, N_("Penerimaan dari penjualan")),
    "refund": (OPERATING, N_("Pengembalian uang retur penjualan")),
    "void": (OPERATING, N_("Pengembalian uang retur penjualan")),
    "samsat": (OPERATING, N_("Penerimaan titipan PKB dan jasa loket Samsat")),
    "setoran": (OPERATING, N_("Penyetoran titipan PKB ke Samsat")),
    "purchase": (OPERATING, N_("Pembayaran kepada pemasok")),
    "supplier_payment": (OPERATING, N_("Pembayaran kepada pemasok")),
    "purchase_return": (OPERATING, N_("Penerimaan dari retur pembelian")),
    "consign_settle": (OPERATING, N_("Pembayaran kepada penitip (konsinyasi)")),
    "expense": (OPERATING, N_("Pembayaran beban operasional")),
    "income": (OPERATING, N_("Penerimaan pendapatan lain-lain")),
    "shift_close": (OPERATING, N_("Selisih kas")),
    "day_close": (OPERATING, N_("Selisih kas")),
    "cash_difference": (OPERATING, N_("Selisih kas")),
    "dompet": (OPERATING, N_("Titipan dompet santri (bersih)")),
    "kasbon": (OPERATING, N_("Penerimaan piutang anggota")),
    "opening": (FINANCING, N_("Modal / saldo awal")),
    "capital": (FINANCING, N_("Tambahan modal")),
    "simpanan": (FINANCING, N_("Simpanan anggota (bersih)")),
    "shu": (FINANCING, N_("Pembagian SHU")),
}
ACTIVITIES = ((OPERATING, N_("Arus kas dari aktivitas operasi")), (INVESTING, N_("Arus kas dari aktivitas investasi")),
              (FINANCING, N_("Arus kas dari aktivitas pendanaan")))
OTHER = N_("Arus kas operasi lainnya")
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
        rows.append(Row(_(title), style="head"))
        rows += [Row(_(label), items[label], 1) for label in sorted(items, key=ORDER.index) if items[label]]
        rows.append(Row(_(TOTALS[activity]), total, 0, "total"))
        change += total
    return rows, change
