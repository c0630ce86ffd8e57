"""Paying the SHU out: members' shares in cash or into simpanan sukarela, the reserve to Cadangan.

Dr SHU / Cr Kas (cash) or, per member, Dr SHU / Cr Simpanan sukarela (a Saving, so the savings
sub-ledger stays equal to 2301); Dr SHU / Cr Cadangan for the reserve. The funds (pengurus, karyawan,
pendidikan, sosial) stay in SHU until the koperasi books them.
"""
from .. import audit, clock
from ..auth.approval import require_approval
from ..database import new_uuid
from ..extensions import db
from ..ledger.chart import CADANGAN, KAS, SHU
from ..ledger.journal import post_entry
from ..ledger.posting import cr, dr
from ..members import savings
from ..members.models import Member
from ..refusal import Refusal
from ..wire import outbox
from . import report as shu_report
from .models import ShuPayout
from ..i18n import N_, _

METHODS = {"sukarela": N_("Ke simpanan sukarela"), "cash": N_("Tunai")}


class ShuRefused(Refusal):
    """An SHU payout refused (the year still open, already paid, no surplus…)."""


def pay(year: int, method: str, user, approval=None) -> ShuPayout:
    if method not in METHODS:
        raise ShuRefused(_("Pilih cara pembagian: tunai atau ke simpanan sukarela."), "method")
    if db.session.scalar(db.select(ShuPayout.id).where(ShuPayout.year == year)):
        raise ShuRefused(_('SHU tahun %(year)s sudah dibagikan.', year=year), "year")
    figures = shu_report.compute(year)
    if figures["provisional"]:
        raise ShuRefused(_('Buku tahun %(year)s belum ditutup (tutup buku tahunan): SHU masih sementara.',
                           year=year), "year")
    if figures["shu"] <= 0:
        raise ShuRefused(_('Tahun %(year)s tidak ada SHU untuk dibagikan.', year=year), "year")
    members_total = sum(r["total"] for r in figures["members"])
    require_approval(user, approval, "shu.pay", f"SHU {year}: anggota {members_total}, {method}")
    payout = ShuPayout(uuid=new_uuid(), year=year, method=method, shu=figures["shu"], members_total=members_total,
                       cadangan=figures["pools"]["cadangan"], remainder=figures["remainder"],
                       user_id=getattr(user, "id", None), paid_at=clock.now())
    db.session.add(payout)
    db.session.flush()
    cash = 0
    for row in figures["members"]:
        member = db.session.get(Member, row["id"])
        if row["total"] and method == "sukarela" and member.active:
            savings.credit_from_shu(member, row["total"], user, year)
        else:
            cash += row["total"]
    if cash + payout.cadangan:
        lines = [dr(SHU, cash + payout.cadangan, f"SHU {year}"), cr(KAS, cash, "jasa anggota tunai"),
                 cr(CADANGAN, payout.cadangan, "cadangan")]
        post_entry("shu", lines, clock.today(), source_ref=f"SHU-{year}", source_uuid=payout.uuid,
                   description=f"Pembagian SHU tahun {year}", user=user)
    outbox.enqueue("shu_payout", payout.uuid, clock.today(), {
        "uuid": payout.uuid, "year": year, "method": method, "shu": payout.shu, "amount": members_total,
        "cadangan": payout.cadangan, "remainder": payout.remainder})
    audit.record("shu.pay", f"{year}: {members_total} ke anggota ({method}), cadangan {payout.cadangan}", user=user)
    return payout
