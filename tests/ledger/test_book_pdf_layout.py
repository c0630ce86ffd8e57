"""The buku kas PDF's layout: long numbers stay in their column, the count and signatures on one page."""
import io
from datetime import date, datetime
from types import SimpleNamespace

import pypdf

from posapp.ledger.daybook import CATEGORIES
from posapp.reports.export_pdf import book_pdf

LONG_NO = "SAM-KOP01-20261124-0001-L1234ABC-KOREKSI"


def book(movements, closed=True):
    rows = [(SimpleNamespace(time=datetime(2026, 11, 24, 8, i % 60), doc_no=LONG_NO if i == 0 else f"KOP01-20261124-{i:04d}",
                             entry_no=f"JU-20261124-{i:04d}", description=f"Penjualan {i}", unit="Toko",
                             cash_in=1000, cash_out=0), 1000 * (i + 1)) for i in range(movements)]
    close = SimpleNamespace(cash_expected=1000 * movements, cash_counted=1000 * movements, difference=0) if closed else None
    return {"shop_name": "Kopontren Al-Hikmah", "unit": "Toko & Loket Samsat", "day": date(2026, 11, 24),
            "final": closed, "closed_by": "Hj. Siti Maryam", "close": close, "opening": 0, "rows": rows,
            "cash_in": 1000 * movements, "cash_out": 0, "closing": 1000 * movements,
            "summary": {"kas": [(name, 0, 0) for name, _ in CATEGORIES], "noncash_sales": 0, "samsat_tax": 0,
                        "samsat_fee": 0}, "members": {"anggota": 0, "umum": 0},
            "cashiers": ["Ahmad Fauzi"], "printed_at": datetime(2026, 11, 24, 21, 0)}


def pages(data):
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(book_pdf(data))).pages]


def test_a_long_document_number_wraps_inside_its_column():
    text = pages(book(3))[0]
    assert LONG_NO not in text.replace("\n", " ")  # broken onto a second line of its own cell…
    assert LONG_NO in text.replace("\n", "")       # …and nothing of it lost


def test_cash_count_and_signatures_never_split_across_pages():
    for movements in range(18, 64, 3):  # the table ends at every height of the page in turn
        texts = pages(book(movements))
        count_page = next(t for t in texts if "Hitung kas" in t)
        assert "Selisih" in count_page and "(Hj. Siti Maryam)" in count_page and "(Ahmad Fauzi)" in count_page, movements
