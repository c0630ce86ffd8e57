"""Every page a manager and an admin reach, in English: no Indonesian words left, no code on screen.

A demo shop with two days of trade (posapp.demo.month: purchases, consignment, members' savings and kasbon,
santri wallets, Samsat payments and setoran, cash movements, day closes) is crawled from the home page by its
links. What the koperasi typed or the books wrote (product and member names, journal descriptions, audit
details, receipt previews, which stay as written) is taken out first; every word left must be English.
"""
import html
import re
from datetime import datetime
from urllib.parse import urljoin, urlparse

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po

from posapp import clock
from posapp.extensions import db

INDONESIAN = re.compile(
    r"\b(dan|yang|untuk|dengan|tidak|belum|sudah|atau|dari|ini|itu|pada|oleh|Simpan|Batal|Tambah|Cari|Tanggal|"
    r"Jumlah|Harga|Kembali|Cetak|Bayar|Pilih|Tutup|Buka|Unduh|Semua|Keterangan|Halaman|Ringkasan|Kategori|Saldo|"
    r"Simpanan|Pemasok|Penjualan|Pembelian|Anggota|anggota|Dompet|dompet|Titipan|titipan|Setoran|Selisih|Laporan|"
    r"Pengaturan|Kasbon|kasbon|bulan|hari|tahun|masuk|keluar|baru|Sisa|sisa|Utang|utang|Catat|Nama|Aktif|aktif|"
    r"Nonaktif|Penitip|Faktur|Draf|Diposting|Terkirim|Menunggu|Jenis|Lewat|Kelompok|Batas|Rekening|Bukti|Tunai|"
    r"tunai|Beban|Pendapatan|Modal|Persediaan|Kas|kas|Retur|Pengembalian|Kurang|Belum|Sudah|Tidak|Ya)\b")
CATALOGUE = "posapp/translations/en/LC_MESSAGES/messages.po"
CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b(?:sale|samsat|member|wallet|cash|purchase|ledger|stock|shift)\.[a-z_.]+\b")
SKIP = re.compile(r"/keluar$|\.pdf|\.xlsx|\.csv|/cetak|/unduh|/static/|/api/|lang=|/layar-pelanggan")
CSV_HELP = ("/produk/impor", "/anggota/impor")  # the import pages name their CSV columns, which are codes


# Mid-month, so no month ends inside the two days and "Close this month" shows whatever day CI runs on
# (on the 1st, WIB, the demo closes the month before and every older month is locked by it).
TODAY = datetime(2026, 11, 18, 9, 0)


@pytest.fixture
def demo(app):
    """Two days of the demo koperasi's trade, seen on a fixed morning; the users' passwords."""
    from posapp.demo.month import seed_month
    clock.freeze(TODAY)
    try:
        passwords, _ = seed_month(2)
        clock.freeze(TODAY)
        yield passwords
    finally:
        clock.freeze(None)


def _typed_text() -> list[str]:
    """Every text the koperasi typed or the books wrote, longest first (codes kept out: they must not show)."""
    found = set()
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (sa.String, sa.Text))]
        if not columns:
            continue
        for row in db.session.execute(sa.select(*columns)):
            found.update(v for v in row if isinstance(v, str) and len(v) > 2 and not re.fullmatch(r"[a-z_.]+", v))
    return sorted(found, key=len, reverse=True)


def _visible(page: str) -> str:
    # <pre>: the paper receipt's preview (Indonesian, as printed); <code>: values typed as they are (CSV columns)
    page = re.sub(r"<(script|style|pre|code)\b.*?</\1>", " ", page, flags=re.S)
    said = " ".join(re.findall(r'(?:placeholder|title|aria-label|alt)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", "\n", page) + "\n" + said)


def _crawl(client, limit=120):
    """{path: visible text} of every page reachable by links from the home page (one per path shape)."""
    pages, queue, seen = {}, ["/"], set()
    while queue and len(pages) < limit:
        url = queue.pop(0)
        shape = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+", "N", url.split("?")[0])
        if shape in seen:
            continue
        seen.add(shape)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        page = response.get_data(as_text=True)
        assert 'lang="en"' in page, url
        pages[url] = _visible(page)
        for href in re.findall(r'href="([^"#]+)"', page):
            target = urljoin(url, html.unescape(href))
            if not urlparse(target).netloc and not SKIP.search(target):
                queue.append(target)
    return pages


def _lone_lowercase_word(text) -> bool:
    """"nama", "keluar": a CSV column or value on the import pages as much as a word (INDONESIAN covers words)."""
    return text.isalpha() and text.islower()


def _untranslated():
    """Every Indonesian label of the catalogue whose English differs, as one pattern: seen on an English page,
    it was printed without `_()`/`|said`."""
    from pathlib import Path
    with open(Path(__file__).resolve().parents[2] / CATALOGUE, "rb") as f:
        labels = {m.id for m in read_po(f) if isinstance(m.id, str) and len(m.id) > 3 and m.string != m.id
                  and "%(" not in m.id and "{" not in m.id and not _lone_lowercase_word(m.id)}
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True)) +
                      r")(?![\w-])")


def _left_over(text: str, typed: list[str]) -> str:
    for value in typed:
        if value in text:
            text = text.replace(value, " ")
    return text


@pytest.mark.slow
@pytest.mark.parametrize("role", ["admin", "manajer", "kasir"])
def test_every_page_in_english_has_no_indonesian_and_no_codes(app, demo, role):
    client = app.test_client()
    assert client.post("/masuk", data={"username": role, "password": demo[role][0]}).status_code == 302
    client.get("/?lang=en")
    pages = _crawl(client)
    must_see = {"/anggota", "/dompet", "/kas-keluar-masuk", "/samsat", "/shift"} if role == "kasir" else {
        "/anggota", "/dompet", "/shu", "/pembelian", "/pemasok", "/konsinyasi", "/kas-keluar-masuk", "/buku/kas",
        "/buku/laporan-keuangan", "/buku/tutup-bulan", "/samsat/belum-selesai", "/samsat/setoran", "/audit/"}
    assert must_see <= set(pages), must_see - set(pages)
    typed, labels = _typed_text(), _untranslated()
    found = {}
    for url, text in pages.items():
        text = _left_over(text, typed)
        words = sorted(set(INDONESIAN.findall(text)) | set(labels.findall(text)))
        codes = [] if url.startswith(CSV_HELP) else sorted(set(CODE.findall(text)))
        if words or codes:
            found[url] = words + codes
    assert found == {}
    english = " ".join(pages.values())
    expected = ("Members", "Wallets", "Shift") if role == "kasir" else (
        "Members", "Santri wallets", "Purchases", "Cash summary by category", "Unsettled Samsat payments",
        "Income Statement", "Close this month", "Supplier")
    assert [word for word in expected if word not in english] == []
