"""What the province reads: sums per kind, Samsat OPOP per day and kabupaten/kota, outlets gone quiet,
refusals, curated products sold. Every figure comes from the sums kept at ingest (facts.py), never from
scanning the uploaded records, so the page stays fast when hub_record holds billions of rows.
"""
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Date, cast, func, literal, literal_column

from .. import clock
from .extensions import db
from .facts import DailyTotal, ProductDaily, SamsatPayment
from .models import CuratedProduct, Koperasi, Rejection

NO_REGENCY = "(tanpa kabupaten/kota)"


@dataclass(frozen=True)
class KindGroup:
    key: str
    label: str
    kinds: tuple
    money: str | None  # what the amount means, or None: only a count makes sense (a journal's debits are
    #                    not money received, a close has no amount, savings and wallets move both ways)
    always: bool = False  # shown even when the period has none (the counter's own business)

    @property
    def width(self) -> int:
        """Columns it takes: a count, and the money when it has one."""
        return 2 if self.money else 1


KIND_GROUPS = (KindGroup("penjualan", "Penjualan", ("sale",), "Nilai penjualan", True),
               KindGroup("retur", "Retur & void", ("refund", "void"), "Uang kembali", True),
               KindGroup("samsat", "Pembayaran Samsat", ("samsat_payment",), "Diterima dari wajib pajak", True),
               KindGroup("samsat_kurang", "Kurang bayar Samsat", ("samsat_shortfall",), "Diterima"),
               KindGroup("samsat_kembali", "Pengembalian Samsat", ("samsat_refund",), "Dikembalikan"),
               KindGroup("pembelian", "Pembelian", ("purchase",), "Nilai pembelian"),
               KindGroup("bayar_pemasok", "Bayar pemasok & penitip", ("supplier_payment", "consignment_settlement"),
                         "Dibayar"),
               KindGroup("shu", "Pembagian SHU", ("shu_payout",), "Dibagikan"),
               KindGroup("anggota", "Anggota, simpanan, kasbon & dompet",
                         ("member", "member_saving", "member_credit", "wallet_move"), None),
               KindGroup("lain", "Kas, retur ke pemasok & lainnya",
                         ("cash_movement", "purchase_return", "consignment_return"), None),
               KindGroup("jurnal", "Entri jurnal", ("journal_entry",), None, True),
               KindGroup("tutup", "Tutup shift, hari & bulan", ("shift_close", "day_close", "month_close"), None, True))
GROUP_OF = {kind: group.key for group in KIND_GROUPS for kind in group.kinds}
OTHER = "lain"  # a kind the dashboard does not know yet is counted here, its amount never added to money
STANDING = ("terkonfirmasi", "selisih")  # payments whose money goes to the Samsat (ditolak: the outlet refunds it)


def _regency():
    """The koperasi's kabupaten/kota ("" shown as NO_REGENCY); literals, so GROUP BY matches the SELECT."""
    return func.coalesce(func.nullif(Koperasi.regency, literal_column("''")), literal_column(f"'{NO_REGENCY}'"))


def regencies() -> list[str]:
    return list(db.session.scalars(db.select(_regency()).group_by(_regency()).order_by(_regency())))


def _in_regency(query, regency):
    return query.where(_regency() == regency) if regency else query


def kind_sums(first, last, regency=None, by_shop=False):
    """[(day, shop code or None, {group: [count, amount]})], newest day first."""
    shop = Koperasi.code if by_shop else literal(None)
    query = (db.select(DailyTotal.business_date, shop, DailyTotal.kind, func.sum(DailyTotal.records),
                       func.sum(DailyTotal.amount))
             .join(Koperasi, Koperasi.id == DailyTotal.shop_id)
             .where(DailyTotal.business_date.between(first, last))
             .group_by(DailyTotal.business_date, shop, DailyTotal.kind))
    rows = {}
    for day, code, kind, count, amount in db.session.execute(_in_regency(query, regency)):
        sums = rows.setdefault((day, code), {g.key: [0, 0] for g in KIND_GROUPS})[GROUP_OF.get(kind, OTHER)]
        sums[0], sums[1] = sums[0] + int(count), sums[1] + int(amount)
    return [(day, code, sums) for (day, code), sums in sorted(rows.items(), key=lambda r: (-r[0][0].toordinal(),
                                                                                           r[0][1] or ""))]


def shown_groups(rows) -> list[KindGroup]:
    """The counter's groups always, the others only when the period has records of them."""
    return [g for g in KIND_GROUPS if g.always or any(sums[g.key][0] for _day, _code, sums in rows)]


def samsat_days(first, last, regency=None):
    """Per day and kabupaten/kota: payments that stand (count, PKB + opsen, SWDKLLJ, fees), selisih, payments
    the hub refused (ditolak, not yet refunded), verdicts not yet taken by the outlet."""
    pay = SamsatPayment
    standing, selisih = pay.status.in_(STANDING), pay.status == "selisih"

    def total(column, where):
        return func.coalesce(func.sum(column).filter(where), 0)
    query = (db.select(pay.business_date, _regency().label("regency"), func.count().filter(standing),
                       total(pay.pkb_opsen, standing), total(pay.swdkllj, standing), total(pay.fee, standing),
                       func.count().filter(selisih), total(pay.difference, selisih),
                       func.count().filter(pay.status == "ditolak"),
                       func.count().filter(pay.feed_seq > Koperasi.samsat_feed_seq))
             .join(Koperasi, Koperasi.id == pay.shop_id).where(pay.business_date.between(first, last))
             .group_by(pay.business_date, _regency()).order_by(pay.business_date.desc(), _regency()))
    names = ("day", "regency", "count", "pkb_opsen", "swdkllj", "fee", "selisih", "selisih_rp", "ditolak", "pending")
    return [dict(zip(names, (row[0], row[1], *map(int, row[2:])))) for row in
            db.session.execute(_in_regency(query, regency))]


def rejections_by_day(first, last, regency=None) -> dict:
    """{(day, regency): distinct records refused} by the day (WIB) the hub refused them."""
    day = cast(func.timezone("Asia/Jakarta", func.timezone("UTC", Rejection.created_at)), Date)
    query = (db.select(day, _regency(), func.count(func.distinct(Rejection.uuid)))
             .join(Koperasi, Koperasi.id == Rejection.shop_id)
             .where(day.between(first, last)).group_by(day, _regency()))
    return {(d, r): int(n) for d, r, n in db.session.execute(_in_regency(query, regency))}


def outlets(regency=None, now=None):
    """Per kabupaten/kota: outlets, and those not synced for more than 48 hours (or never)."""
    stale_before = (now or clock.now()) - timedelta(hours=48)
    stale = (Koperasi.last_sync_at.is_(None)) | (Koperasi.last_sync_at < stale_before)
    query = (db.select(_regency(), func.count(), func.count().filter(stale))
             .group_by(_regency()).order_by(_regency()))
    quiet = db.select(Koperasi).where(stale).order_by(Koperasi.last_sync_at.asc().nulls_first(), Koperasi.code)
    return ([(r, int(n), int(s)) for r, n, s in db.session.execute(_in_regency(query, regency))],
            db.session.scalars(_in_regency(quiet, regency).limit(200)).all())


def _products(first, last, group):
    return (db.select(*group, func.sum(ProductDaily.qty), func.sum(ProductDaily.amount))
            .join(CuratedProduct, CuratedProduct.code == ProductDaily.sku)
            .join(Koperasi, Koperasi.id == ProductDaily.shop_id)
            .where(ProductDaily.business_date.between(first, last)))


def top_products(first, last, regency=None, limit=10):
    """The curated items sold most (by rupiah) across shops: code, name, pesantren, qty, amount, outlets."""
    group = (CuratedProduct.code, CuratedProduct.name, CuratedProduct.pesantren)
    query = _products(first, last, (*group, func.count(func.distinct(ProductDaily.shop_id))))
    query = query.group_by(*group).order_by(func.sum(ProductDaily.amount).desc(), CuratedProduct.code).limit(limit)
    return [(code, name, pesantren, int(outlets), int(qty), int(amount))
            for code, name, pesantren, outlets, qty, amount in db.session.execute(_in_regency(query, regency))]


def by_pesantren(first, last, regency=None, limit=20):
    """Curated sales per producing pesantren: items, qty, amount."""
    producer = func.coalesce(func.nullif(CuratedProduct.pesantren, literal_column("''")),
                             literal_column("'(tanpa pesantren)'"))
    query = _products(first, last, (producer, func.count(func.distinct(CuratedProduct.code))))
    query = query.group_by(producer).order_by(func.sum(ProductDaily.amount).desc(), producer).limit(limit)
    return [(name, int(items), int(qty), int(amount))
            for name, items, qty, amount in db.session.execute(_in_regency(query, regency))]
