"""Receipt text in the printer's code page (CP437): kept where CP437 has the character, else transliterated.

Read back through python-escpos's Dummy printer output and the test decoder, never `?`.
"""
from dataclasses import replace
from datetime import datetime, timezone

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from anyascii import anyascii

from posapp.receipts import Document, PrinterTestData, Row, render_document, to_escpos_bytes
from posapp.receipts.document import pair_rows, text_rows
from posapp.receipts.escpos_render import to_ascii, to_code_page

from .escpos_decoder import decode

CP437_PIN = b"\x1bt\x00"  # ESC t 0: the code page is pinned before any text


def printed(*rows, width=32):
    """(decoded lines, the raw bytes of the text part) of a document with these rows."""
    data = to_escpos_bytes(Document(width=width, rows=list(rows)))
    return decode(data), data.split(CP437_PIN, 1)[1]


def test_characters_cp437_has_are_kept_and_the_others_transliterated():
    # · ½ é ñ are in CP437; – “ ” 日本 are not
    assert to_code_page("Café “Nusantara” – ½ kg · Ñoño 日本") == 'Café "Nusantara" - ½ kg · Ñoño RiBen'
    assert to_code_page("a—b … ‘c’ € 5 × 2 • ok™") == "a-b ... 'c' EUR 5 * 2 * okTM"
    assert to_code_page("tab\there\u200bzero\u00a0nbsp") == "tab here zero nbsp"  # spaces and controls: a space


def test_composed_and_decomposed_accents_print_the_same():
    assert to_code_page("Cafe\u0301") == to_code_page("Caf\u00e9") == "Café"


def test_the_vehicle_line_prints_its_middle_dot_not_a_question_mark():
    # inquiry builds "brand · class"; CP437 has · at 0xFA
    decoded, text = printed(Row(text="Honda Beat · Sepeda motor"))
    assert decoded.texts == ["Honda Beat · Sepeda motor"]
    assert b"\xfa" in text and b"?" not in text


def test_half_dash_and_curly_quotes_through_the_printer():
    decoded, text = printed(Row(text="Gula ½ kg"), Row(text="Jl. Kiai Haji “Hasyim” — Jombang"),
                            Row(text="Toko ‘Barokah’", right="Rp 7.500"))
    # the street line fills 32 columns as typed and as printed (— is one "-")
    assert decoded.texts == ["Gula ½ kg", 'Jl. Kiai Haji "Hasyim" - Jombang', "Toko 'Barokah'          Rp 7.500"]
    assert b"\xab" in text and b"?" not in text  # ½ is 0xAB in CP437
    assert decoded.codepages == [0]


def test_a_row_a_transliteration_makes_too_long_is_laid_out_again():
    # "Jasa … … … … koperasi" + "Rp 5.000" fits 32 columns (30); each … becomes "...": 38 would not
    decoded, _ = printed(Row(text="Jasa … … … … koperasi", right="Rp 5.000"),
                         Row(text="“Terima kasih” € “Matur nuwun”™", align="center"))
    # the centred line is 31 columns as typed; "EUR" and "TM" make it 34: wrapped at a space
    assert decoded.texts[:2] == ["Jasa ... ... ... ... koperasi", " " * 24 + "Rp 5.000"]
    assert [text.strip() for text in decoded.texts[2:]] == ['"Terima kasih" EUR "Matur', 'nuwun"TM']
    assert all(line.columns <= 32 for line in decoded.lines)


def test_double_size_rows_keep_to_half_the_columns():
    decoded, _ = printed(Row(text="TOTAL … “LUNAS”™", right="Rp 1.000", bold=True, double=True))
    # "TOTAL ... "LUNAS"TM" (19) + amount 8 > 16 double columns: laid out again, normal size where it must
    assert all(line.columns <= 32 for line in decoded.lines)
    assert "".join(decoded.texts).replace(" ", "") == 'TOTAL..."LUNAS"TMRp1.000'


def test_the_samsat_receipt_prints_no_question_mark(samsat_data):
    data = replace(samsat_data, vehicle="Honda Beat · Sepeda motor", owner_name="Siti ‘Aisyah’ — Jombang")
    for width in (32, 48):
        decoded = decode(to_escpos_bytes(render_document("samsat", data, width)))
        joined = " ".join(decoded.texts)  # a line wrapped at 32 columns reads on
        assert "Honda Beat · Sepeda motor" in joined and "Siti 'Aisyah' - Jombang" in joined
        assert "?" not in joined
        assert all(line.columns <= width for line in decoded.lines)


def test_the_printer_test_page_prints_its_accents_and_quotes(shop_identity):
    data = PrinterTestData(shop=shop_identity, printed_at=datetime(2026, 11, 24, 3, tzinfo=timezone.utc),
                           connection="file", paper_mm=80)
    decoded = decode(to_escpos_bytes(render_document("test", data, 48)))
    assert 'Huruf: Café - Jl. Kiai Haji "Hasyim" ½' in decoded.texts


def test_qr_and_barcode_data_are_ascii():
    assert to_ascii("KOP01–S—20261124 ·7 …") == "KOP01-S-20261124 -7 ..."  # anyascii reads · as -
    decoded, _ = printed(Row(kind="barcode", text="KOP01–42"), width=48)
    assert decoded.texts == ["[BARCODE KOP01-42]"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([32, 48]))
def test_any_text_prints_within_the_width_and_without_a_question_mark(text, width):
    # a '?' may only come from the text itself (or a character anyascii reads as one, such as '¿' → '?')
    assume("?" not in text and "?" not in anyascii(text))
    rows = text_rows(text, width) + pair_rows(text, "Rp 1.000", width) + text_rows(text, width, double=True)
    decoded, raw = printed(*rows, width=width)
    assert b"?" not in raw
    assert all(line.columns <= width for line in decoded.lines)
