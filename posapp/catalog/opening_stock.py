"""Persediaan awal: the stock already on the shelves when the books start, valued once at its cost.

Dr Persediaan / Cr Modal saldo awal for the stock the journal does not hold yet (Σ on_hand × HPP of the
own products − the Persediaan balance), once. Products imported later with `stok_awal` post their own
opening entry (catalog.importing); goods bought later are purchases.
"""
from .. import audit, clock
from ..database import new_uuid
from ..extensions import db
from ..ledger import acts
from ..ledger.balances import account_balance
from ..ledger.chart import PERSEDIAAN
from ..ledger.models import JournalEntry
from ..money import format_rupiah
from .inventory import StockRefused
from .valuation import total
from ..i18n import _

MARK = "PERSEDIAAN-AWAL"


def recorded():
    """The go-live opening stock entry, or None."""
    return db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "opening_stock",
                                                           JournalEntry.source_ref == MARK).limit(1))


def unbooked() -> int:
    """The value of own stock that no journal entry holds yet."""
    return total() - account_balance(PERSEDIAAN)


def record(user, note=""):
    """Post the unbooked stock value once (flush only; the view commits)."""
    done = recorded()
    if done is not None:
        raise StockRefused(_('Persediaan awal sudah dicatat (%(entry_no)s, %(business_date)s) dan hanya sekali. '
                             'Koreksi berikutnya lewat penyesuaian stok atau stok opname.',
                             entry_no=done.entry_no, business_date=done.business_date.strftime('%d-%m-%Y')))
    gap = unbooked()
    if gap <= 0:
        raise StockRefused(_("Tidak ada nilai persediaan yang belum tercatat di buku: periksa HPP dan stok produk."))
    entry = acts.post_opening_stock(uuid=new_uuid(), business_date=clock.today(), stock=gap, doc_no=MARK,
                                    user=user, note=(note or "").strip()[:200])
    audit.record("stock.opening", f"persediaan awal {format_rupiah(gap)} ({entry.entry_no})", user=user)
    return entry
