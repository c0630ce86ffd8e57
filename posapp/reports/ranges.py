"""Reports for a date range: sales by product/category/day, anggota vs umum, Samsat, the raw journal."""
from .. import clock
from ..catalog.models import Product
from ..extensions import db
from ..ledger.balances import account_balance
from ..ledger.models import Account, JournalEntry, JournalLine
from ..ledger.chart import BANK, JASA_SAMSAT, KAS, PENJUALAN, RETUR, TITIPAN
from ..sales.models import Sale, SaleLine
from ..samsat.payments import confirmed_total


def _range(query, start, end):
    return query.where(JournalEntry.business_date >= start, JournalEntry.business_date <= end)


def sales_by_day(start, end) -> list[dict]:
    """Per day from the journal: gross sales, returns, net, Samsat fee income."""
    rows = db.session.execute(_range(
        db.select(JournalEntry.business_date, JournalLine.account_code,
                  db.func.sum(JournalLine.credit - JournalLine.debit)).join(JournalLine)
        .where(JournalLine.account_code.in_((PENJUALAN, RETUR, JASA_SAMSAT)))
        .group_by(JournalEntry.business_date, JournalLine.account_code), start, end))
    days = {}
    for day, code, net in rows:
        item = days.setdefault(day, {"day": day, "sales": 0, "returns": 0, "net": 0, "samsat_fee": 0})
        key = {PENJUALAN: "sales", RETUR: "returns", JASA_SAMSAT: "samsat_fee"}[code]
        item[key] += int(net) if code != RETUR else -int(net)
    for item in days.values():
        item["net"] = item["sales"] - item["returns"]
    return [days[d] for d in sorted(days)]


def members(start, end) -> dict:
    rows = db.session.execute(_range(
        db.select(JournalEntry.party, db.func.sum(JournalLine.credit - JournalLine.debit)).join(JournalLine)
        .where(JournalLine.account_code.in_((PENJUALAN, RETUR))).group_by(JournalEntry.party), start, end))
    out = {"anggota": 0, "umum": 0}
    for party, net in rows:
        out["anggota" if party == "anggota" else "umum"] += int(net)
    return out


def samsat(start, end) -> dict:
    """Titipan collected vs deposited (setoran) in the range, the balance at the end, hub-confirmed totals."""
    def total(source, column):
        return int(db.session.scalar(_range(
            db.select(db.func.coalesce(db.func.sum(column), 0)).select_from(JournalLine).join(JournalEntry)
            .where(JournalLine.account_code == TITIPAN, JournalEntry.source == source), start, end)))
    collected = total("samsat", JournalLine.credit) - total("samsat", JournalLine.debit)
    deposited = total("setoran", JournalLine.debit) - total("setoran", JournalLine.credit)
    return {"collected": collected, "deposited": deposited, "balance": -account_balance(TITIPAN, end),
            "confirmed": confirmed_total(start, end)}


def sales_by_product(start, end, by="product") -> list[dict]:
    """Net quantity, amount and cost per product (or per category) from the sales."""
    sign = db.case((Sale.kind == "sale", 1), else_=-1)
    key = (Product.category,) if by == "category" else (SaleLine.sku, SaleLine.name)
    rows = db.session.execute(
        db.select(*key, db.func.sum(sign * SaleLine.qty), db.func.sum(sign * SaleLine.total),
                  db.func.sum(sign * SaleLine.qty * SaleLine.unit_cost))
        .join(Sale, SaleLine.sale_id == Sale.id).join(Product, SaleLine.product_id == Product.id)
        .where(Sale.business_date >= start, Sale.business_date <= end)
        .group_by(*key).order_by(db.func.sum(sign * SaleLine.total).desc()))
    return [{"key": " · ".join(str(k) for k in row[:-3]), "qty": int(row[-3]), "total": int(row[-2]),
             "cost": int(row[-1] or 0)} for row in rows]


def journal_rows(start, end) -> list[list]:
    """The raw journal, one row per line, for the accountant's CSV."""
    reversed_entry = db.aliased(JournalEntry)
    rows = db.session.execute(_range(
        db.select(JournalEntry, JournalLine, Account.name, reversed_entry.entry_no)
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .join(Account, Account.code == JournalLine.account_code)
        .outerjoin(reversed_entry, reversed_entry.id == JournalEntry.reverses_entry_id)
        .order_by(JournalEntry.business_date, JournalEntry.id, JournalLine.id), start, end))
    return [[e.business_date, e.entry_no, clock.to_wib(e.posted_at).replace(tzinfo=None), e.source, e.source_ref,
             e.uuid, e.description, line.account_code, name, line.debit, line.credit, line.memo, e.created_by,
             reverses or ""] for e, line, name, reverses in rows]


CASH_AND_BANK = (KAS, BANK)
