"""The buku kas harian's summary knows every journal source: each Kas movement of a day lands in a named
category, the categories reconcile to the closing Kas balance, and the three exports show the same."""
import ast
import csv
import io
import re
import uuid
from pathlib import Path

import openpyxl
import pypdf
import pytest

from posapp.extensions import db
from posapp.ledger import acts, balances, cashbook, chart, daybook, journal, opening, posting
from posapp.ledger.models import JournalEntry
from posapp.reports.book import daily_book

from .conftest import DAY

POSAPP = Path(__file__).resolve().parents[2] / "posapp"


def _sources_in_code() -> set[str]:
    """Every journal source the code can post: post_entry("x", …), source="x", and the source tables."""
    found = set(cashbook.SOURCES.values()) | set(acts.STOCK_SOURCES) | {opening.SOURCE, "refund", "void"}
    for path in POSAPP.rglob("*.py"):
        if "hub" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "post_entry" and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
            found |= {k.value.value for k in node.keywords
                      if k.arg == "source" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)}
    return found


def test_every_source_the_code_posts_has_a_category_or_never_touches_kas():
    sources = _sources_in_code()
    assert {"sale", "samsat", "simpanan", "kasbon", "dompet", "shu", "purchase", "consign_settle",
            "bank_deposit", "day_close"} <= sources  # the scan finds what it should
    unnamed = sources - set(daybook.CATEGORY_OF) - daybook.NO_CASH
    assert unnamed == set()


def _one_act_of_every_kind(post):
    """One act of every kind that moves Kas, each with its own amount so a misfiled one shows."""
    day, user = DAY, "kasir"
    ids = lambda: {"uuid": str(uuid.uuid4()), "business_date": day, "user": user}  # noqa: E731
    opening.record_opening(day, 1_000_000, 0, user)
    acts.post_sale(**ids(), cash=101_000, cost=70_000, doc_no="S1")
    acts.post_refund(**ids(), cash=2_000, cost=1_000, doc_no="R1")
    acts.post_refund(**ids(), cash=3_000, cost=2_000, doc_no="V1", kind="void")
    acts.post_samsat_payment(**ids(), tax=400_000, fee=5_000, doc_no="SAM1")
    acts.post_samsat_refund(**ids(), tax=40_000, fee=0, doc_no="SAM2")
    acts.post_samsat_shortfall(**ids(), amount=4_000, doc_no="SAM3")
    acts.post_setoran(**ids(), amount=300_000, doc_no="SET1")
    acts.post_transfer(**ids(), source="simpanan", debit=chart.KAS, credit=chart.SIMPANAN_WAJIB, amount=10_000)
    acts.post_transfer(**ids(), source="simpanan", debit=chart.SIMPANAN_SUKARELA, credit=chart.KAS, amount=6_000)
    acts.post_transfer(**ids(), source="kasbon", debit=chart.KAS, credit=chart.PIUTANG_ANGGOTA, amount=7_000)
    acts.post_transfer(**ids(), source="dompet", debit=chart.KAS, credit=chart.TITIPAN_DOMPET, amount=50_000)
    acts.post_transfer(**ids(), source="dompet", debit=chart.TITIPAN_DOMPET, credit=chart.KAS, amount=8_000)
    journal.post_entry("shu", [posting.dr(chart.SHU, 9_000), posting.cr(chart.KAS, 9_000)], day,
                       source_uuid=str(uuid.uuid4()), user=user)
    acts.post_purchase(**ids(), stock=60_000, cash=60_000, doc_no="PB1")
    acts.post_purchase_return(**ids(), stock=-11_000, cash=11_000, doc_no="RB1")
    acts.post_supplier_payment(**ids(), amount=12_000, doc_no="BY1")
    acts.post_consignment_settlement(**ids(), amount=13_000, doc_no="TJ1")
    for kind, value in (("expense", 14_000), ("income", 15_000), ("capital", 16_000), ("deposit", 17_000),
                        ("withdraw", 18_000)):
        acts.post_cash_movement(**ids(), kind=kind, amount=value, category="atk" if kind == "expense" else "")
    for source, difference in (("cash_difference", -1_000), ("shift_close", 500), ("day_close", -200)):
        acts.post_cash_difference(**ids(), difference=difference, source=source)
    expense = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "expense"))
    journal.reverse_entry(expense, user, "salah catat", business_date=day)  # a reversal keeps its category
    acts.post_stock_difference(**ids(), stock=5_000, source="adjust")  # no Kas: in no category
    db.session.commit()


EXPECTED = {  # category: (in, out) of the acts above
    "Penjualan tunai": (101_000, 0), "Retur / void penjualan": (0, 5_000),
    "Loket Samsat: titipan pajak & jasa loket": (409_000, 40_000), "Setoran pajak Samsat": (0, 300_000),
    "Simpanan anggota (setor / tarik)": (10_000, 6_000), "Pembayaran kasbon anggota": (7_000, 0),
    "Dompet santri (isi / tarik saldo)": (50_000, 8_000), "Pembagian SHU tunai": (0, 9_000),
    "Pembelian & bayar utang pemasok": (11_000, 72_000), "Bayar penitip titip jual": (0, 13_000),
    "Kas keluar (beban)": (14_000, 14_000), "Kas masuk (pendapatan lain)": (15_000, 0),
    "Saldo awal & tambahan modal": (1_016_000, 0), "Setor ke / ambil dari bank": (18_000, 17_000),
    "Selisih kas (hitung kas)": (500, 1_200),
}


@pytest.fixture
def book(post):
    _one_act_of_every_kind(post)
    return daily_book(DAY)


def test_every_kas_movement_lands_in_its_category_and_the_sum_is_the_days_kas(book):
    kas = {name: (cash_in, cash_out) for name, cash_in, cash_out in book["summary"]["kas"]}
    assert kas == EXPECTED  # "Lain-lain" absent: nothing fell outside a named category
    cash_in, cash_out = sum(v[0] for v in kas.values()), sum(v[1] for v in kas.values())
    assert (cash_in, cash_out) == (book["cash_in"], book["cash_out"])
    assert book["opening"] + cash_in - cash_out == book["closing"] == balances.kas_balance(DAY)


def test_the_book_page_shows_every_category_with_its_figures(manajer_client, book):
    page = manajer_client.get(f"/buku/kas?tanggal={DAY.isoformat()}").get_data(as_text=True)
    page = page.split("Ringkasan kas per kategori", 1)[1]
    for name, (cash_in, cash_out) in EXPECTED.items():
        row = page.split(name.replace("&", "&amp;"), 1)[1].split("</tr>", 1)[0]
        assert [f"Rp {v:,}".replace(",", ".") for v in (cash_in, cash_out) if v] == \
            [cell for cell in _cells(row) if cell.startswith("Rp")], name


def _cells(row_html):
    return [re.sub(r"<[^>]+>", "", c.split(">", 1)[1]).strip() for c in row_html.split("<td")[1:]]


def test_xlsx_csv_and_pdf_show_the_same_categories(manajer_client, book):
    ws = openpyxl.load_workbook(io.BytesIO(manajer_client.get(f"/buku/kas/{DAY}.xlsx").data)).active
    xlsx = {r[0]: (r[5] or 0, r[6] or 0) for r in ws.iter_rows(values_only=True) if r[0] in EXPECTED}
    assert xlsx == EXPECTED
    text = manajer_client.get(f"/buku/kas/{DAY}.csv").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert {r[0]: (int(r[5] or 0), int(r[6] or 0)) for r in rows if r and r[0] in EXPECTED} == EXPECTED
    closing = next(r for r in rows if r and r[0].startswith("Saldo awal + masuk"))
    assert int(closing[7]) == book["closing"]
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(
        manajer_client.get(f"/buku/kas/{DAY}.pdf").data)).pages).replace("\n", " ")
    for name in EXPECTED:
        assert name in pdf, name
