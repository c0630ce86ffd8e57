"""The koperasi's financial statements from the journal (SAK EP wording): laba rugi (perhitungan hasil
usaha), posisi keuangan (neraca) and arus kas (direct method from Kas and Bank), for a month or any range.

Each statement is a list of `Row`s that the screen, the XLSX and the PDF all show the same way; its words
follow the page's language (the exports build it inside `i18n.indonesian()`: paper stays Indonesian).
Two grouped queries read everything: the balances of every account (before the range, before the year,
moved in the range) and the cash moved per source.
"""
from dataclasses import dataclass

from ..extensions import db
from ..ledger.chart import BANK, HPP, JASA_SAMSAT, KAS, KOMISI_KONSINYASI, PENJUALAN, SHU
from ..ledger import year_close
from ..ledger.models import Account, JournalEntry, JournalLine
from .cash_flow import cash_flow_rows
from ..i18n import _, said
from .rows import Row, Statement

OPERATING_INCOME = (KOMISI_KONSINYASI, JASA_SAMSAT)


@dataclass
class Balance:
    code: str
    name: str
    type: str
    before_start: int = 0   # Σ debit − credit before the range
    before_year: int = 0    # … before 1 January of the end's year
    debit: int = 0          # moved in the range, the year close left out (laba rugi shows the year's work)
    credit: int = 0
    year_close: int = 0     # Σ debit − credit of the year close's entry in the range

    @property
    def closing(self) -> int:
        return self.before_start + self.debit - self.credit + self.year_close


def balances(start, end) -> dict:
    """{code: Balance} of every account, from one grouped query over the journal up to `end`."""
    year = end.replace(month=1, day=1)
    net = JournalLine.debit - JournalLine.credit
    in_range = JournalEntry.business_date >= start
    closing_entry = JournalEntry.source == year_close.SOURCE
    worked = in_range & ~closing_entry
    query = (db.select(JournalLine.account_code,
                       db.func.sum(db.case((JournalEntry.business_date < start, net), else_=0)),
                       db.func.sum(db.case((JournalEntry.business_date < year, net), else_=0)),
                       db.func.sum(db.case((worked, JournalLine.debit), else_=0)),
                       db.func.sum(db.case((worked, JournalLine.credit), else_=0)),
                       db.func.sum(db.case((in_range & closing_entry, net), else_=0)))
             .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
             .where(JournalEntry.business_date <= end).group_by(JournalLine.account_code))
    sums = {code: tuple(int(x or 0) for x in rest) for code, *rest in db.session.execute(query)}
    out = {}
    for account in db.session.scalars(db.select(Account).order_by(Account.code)):
        out[account.code] = Balance(account.code, account.name, account.type, *sums.get(account.code, (0,) * 5))
    return out


def _moved(b: Balance) -> int:
    """Income (credit side) moved in the range; expenses come out negative."""
    return b.credit - b.debit


def _period(start, end) -> str:
    return _("%(start)s s.d. %(end)s", start=start.strftime("%d-%m-%Y"), end=end.strftime("%d-%m-%Y"))


def income_statement(start, end, accounts=None) -> Statement:
    """Laporan laba rugi (perhitungan hasil usaha) for [start, end]."""
    accounts = accounts or balances(start, end)
    by_type = {}
    for b in accounts.values():
        by_type.setdefault(b.type, []).append(b)
    sales = _moved(accounts[PENJUALAN]) if PENJUALAN in accounts else 0
    returns = -sum(_moved(b) for b in by_type.get("contra", []))
    cogs = -_moved(accounts[HPP]) if HPP in accounts else 0
    operating = [b for b in by_type.get("income", []) if b.code in OPERATING_INCOME]
    # accounts that did not move in the period are left out (the chart is long; the totals are the same)
    other_income = [b for b in by_type.get("income", []) if b.code not in OPERATING_INCOME + (PENJUALAN,) and _moved(b)]
    expenses = [b for b in by_type.get("expense", []) if b.code != HPP and _moved(b)]
    gross = sales - returns - cogs
    operating_total = sum(_moved(b) for b in operating)
    expense_total = -sum(_moved(b) for b in expenses)
    other_total = sum(_moved(b) for b in other_income)
    result = gross + operating_total - expense_total + other_total
    rows = [Row(_("Pendapatan penjualan"), style="head"), Row(_("Penjualan"), sales, 1, code=PENJUALAN),
            Row(_("Retur penjualan"), -returns, 1), Row(_("Penjualan bersih"), sales - returns, 0, "total"),
            Row(_("Beban pokok penjualan (HPP)"), -cogs, 1, code=HPP), Row(_("Laba kotor"), gross, 0, "total"),
            Row(_("Pendapatan usaha lainnya"), style="head")]
    rows += [Row(said(b.name), _moved(b), 1, code=b.code) for b in operating]
    rows += [Row(_("Jumlah pendapatan usaha lainnya"), operating_total, 0, "total"), Row(_("Beban usaha"), style="head")]
    rows += [Row(said(b.name), _moved(b), 1, code=b.code) for b in expenses]
    rows += [Row(_("Jumlah beban usaha"), -expense_total, 0, "total"),
             Row(_("Laba (rugi) usaha"), gross + operating_total - expense_total, 0, "total"),
             Row(_("Pendapatan (beban) lain-lain"), style="head")]
    rows += [Row(said(b.name), _moved(b), 1, code=b.code) for b in other_income]
    rows += [Row(_("Sisa hasil usaha (SHU) sebelum pajak"), result, 0, "grand")]
    return Statement("laba-rugi", _("Laporan Laba Rugi (Perhitungan Hasil Usaha)"), _period(start, end), rows,
                     {"result": result})


def balance_sheet(start, end, accounts=None) -> Statement:
    """Laporan posisi keuangan (neraca) at the end of `end`; this period's result shown in equity."""
    accounts = accounts or balances(start, end)
    groups = {t: [b for b in accounts.values() if b.type == t] for t in ("asset", "liability", "equity")}
    assets = sum(b.closing for b in groups["asset"])
    liabilities = -sum(b.closing for b in groups["liability"])
    before_year = -sum(b.before_year for b in accounts.values() if b.type in ("income", "contra", "expense"))
    this_year = -sum(b.closing for b in accounts.values() if b.type in ("income", "contra", "expense")) - before_year
    equity = -sum(b.closing for b in groups["equity"]) + before_year + this_year
    rows = [Row(_("Aset"), style="head")]
    rows += [Row(said(b.name), b.closing, 1, code=b.code) for b in groups["asset"] if b.closing or b.code in (KAS, BANK)]
    rows += [Row(_("Jumlah aset"), assets, 0, "grand"), Row(_("Liabilitas"), style="head")]
    rows += [Row(said(b.name), -b.closing, 1, code=b.code) for b in groups["liability"] if b.closing]
    rows += [Row(_("Jumlah liabilitas"), liabilities, 0, "total"), Row(_("Ekuitas"), style="head")]
    rows += [Row(said(b.name), -b.closing, 1, code=b.code) for b in groups["equity"] if b.closing]
    if before_year:
        rows.append(Row(_("SHU tahun-tahun lalu (belum ditutup)"), before_year, 1))
    shu = accounts.get(SHU)
    if this_year or not (shu and shu.year_close):  # once the year is closed its result is in SHU (3401)
        rows.append(Row(_("SHU tahun berjalan s.d. %(day)s", day=end.strftime("%d-%m-%Y")), this_year, 1))
    rows += [Row(_("Jumlah ekuitas"), equity, 0, "total"),
             Row(_("Jumlah liabilitas dan ekuitas"), liabilities + equity, 0, "grand")]
    return Statement("neraca", _("Laporan Posisi Keuangan (Neraca)"), _("per %(day)s", day=end.strftime("%d-%m-%Y")), rows,
                     {"assets": assets, "liabilities_and_equity": liabilities + equity,
                      "balanced": assets == liabilities + equity})


def cash_flow(start, end, accounts=None) -> Statement:
    """Laporan arus kas (metode langsung) of Kas and Bank for [start, end]."""
    accounts = accounts or balances(start, end)
    opening = sum(accounts[c].before_start for c in (KAS, BANK) if c in accounts)
    closing = sum(accounts[c].closing for c in (KAS, BANK) if c in accounts)
    rows, change = cash_flow_rows(start, end)
    rows += [Row(_("Kenaikan (penurunan) bersih kas dan bank"), change, 0, "total"),
             Row(_("Kas dan bank awal periode"), opening, 0, "item"),
             Row(_("Kas dan bank akhir periode"), opening + change, 0, "grand")]
    return Statement("arus-kas", _("Laporan Arus Kas (metode langsung)"), _period(start, end), rows,
                     {"closing": closing, "balanced": opening + change == closing})


def all_statements(start, end) -> list[Statement]:
    accounts = balances(start, end)
    return [income_statement(start, end, accounts), balance_sheet(start, end, accounts),
            cash_flow(start, end, accounts)]
