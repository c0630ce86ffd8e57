"""PDF receipts: every line in the text, a page as wide as the paper, the archive."""
import io

import pytest
from pypdf import PdfReader

from posapp.receipts import archive_pdf, render_document, to_pdf_bytes

MM = 72 / 25.4


def _normalised(text):
    return " ".join(text.split())


@pytest.mark.parametrize("width, paper_mm", [(32, 58), (48, 80)])
@pytest.mark.parametrize("kind, fixture", [("sale", "sale_data"), ("samsat", "samsat_data"),
                                           ("shift", "shift_data")])
def test_pdf_has_every_line_and_the_paper_width(request, kind, fixture, width, paper_mm):
    document = render_document(kind, request.getfixturevalue(fixture), width)
    page = PdfReader(io.BytesIO(to_pdf_bytes(document, paper_mm))).pages[0]
    assert float(page.mediabox.width) == pytest.approx(paper_mm * MM, abs=0.01)
    text = _normalised(page.extract_text())
    for row in document.rows:
        if row.kind == "text":
            assert _normalised(row.as_text(width)) in text, row
    assert float(page.mediabox.height) > 100  # as tall as the content, not a fixed page


def test_pdf_keeps_unicode_and_grows_with_the_content(sale_data):
    sale_data.lines[0].name = "Kopi “Nusantara” – Café"
    short = to_pdf_bytes(render_document("sale", sale_data, 32))
    text = PdfReader(io.BytesIO(short)).pages[0].extract_text()
    assert "Kopi “Nusantara” – Café" in text
    sale_data.lines = sale_data.lines * 10
    longer = PdfReader(io.BytesIO(to_pdf_bytes(render_document("sale", sale_data, 32)))).pages[0]
    assert float(longer.mediabox.height) > float(PdfReader(io.BytesIO(short)).pages[0].mediabox.height) + 200


def test_daily_archive_keeps_every_copy(app, frozen_clock, sale_data):
    document = render_document("sale", sale_data, 32)
    first = archive_pdf(document, "KOP01-20261124-0042")
    second = archive_pdf(document, "KOP01-20261124-0042")
    assert first.parent.name == "2026-11-24" and first.parent.parent.name == "receipts"
    assert first != second and second.name == "KOP01-20261124-0042-2.pdf"
    assert first.read_bytes().startswith(b"%PDF")


def test_issue_prints_and_archives_only_when_the_archive_is_on(app, frozen_clock, sale_data):
    from posapp.receipts import PrinterSettings, issue
    from posapp.receipts.archive import archive_folder
    document = render_document("sale", sale_data, 32)
    assert issue(document, "A-1", PrinterSettings(pdf_archive=False)).skipped
    assert not archive_folder().exists()
    assert issue(document, "A-1", PrinterSettings(pdf_archive=True)).ok
    assert [p.name for p in archive_folder().iterdir()] == ["A-1.pdf"]
