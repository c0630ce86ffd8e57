"""The receipt layouts, rendered without a printer: exact text for 58 mm (32) and 80 mm (48) columns."""
from datetime import datetime, timezone

import pytest

from posapp.receipts import render_document
from posapp.receipts.document import pair_rows, text_rows, wrap
from posapp.receipts.layout import LayoutError

SALE_32 = [
    '   Kopontren',
    '   Al-Hikmah',
    '    Jl. Pesantren 1, Jombang',
    '      Kode koperasi: KOP01',
    '           Toko OPOP',
    '--------------------------------',
    'No. struk    KOP01-20261124-0042',
    'Waktu       24-11-2026 10:05 WIB',
    'Kasir                Siti Aminah',
    'Pelanggan       Anggota koperasi',
    '--------------------------------',
    'Indomie Goreng Rasa Ayam Bawang',
    'Spesial Jumbo',
    '  2 x 3.500                7.000',
    'Beras Pandan Wangi 5 kg',
    '  1 x 75.000              75.000',
    '  Diskon                  -5.000',
    'Gula Pasir',
    '  1,5 x 16.000            24.000',
    '--------------------------------',
    'Subtotal              Rp 106.000',
    'Diskon                 -Rp 5.000',
    'TOTAL Rp 101.000',
    'Tunai                 Rp 101.000',
    'Diterima              Rp 150.000',
    'Kembali                Rp 49.000',
    '--------------------------------',
    '[QR KOP01-20261124-0042]',
    '          Terima kasih',
]

SALE_48 = [
    '  Kopontren Al-Hikmah',
    '            Jl. Pesantren 1, Jombang',
    '              Kode koperasi: KOP01',
    '                   Toko OPOP',
    '------------------------------------------------',
    'No. struk                    KOP01-20261124-0042',
    'Waktu                       24-11-2026 10:05 WIB',
    'Kasir                                Siti Aminah',
    'Pelanggan                       Anggota koperasi',
    '------------------------------------------------',
    'Indomie Goreng Rasa Ayam Bawang Spesial Jumbo',
    '  2 x 3.500                                7.000',
    'Beras Pandan Wangi 5 kg',
    '  1 x 75.000                              75.000',
    '  Diskon                                  -5.000',
    'Gula Pasir',
    '  1,5 x 16.000                            24.000',
    '------------------------------------------------',
    'Subtotal                              Rp 106.000',
    'Diskon                                 -Rp 5.000',
    'TOTAL         Rp 101.000',
    'Tunai                                 Rp 101.000',
    'Diterima                              Rp 150.000',
    'Kembali                                Rp 49.000',
    '------------------------------------------------',
    '[QR KOP01-20261124-0042]',
    '                  Terima kasih',
]


@pytest.mark.parametrize("width, expected", [(32, SALE_32), (48, SALE_48)])
def test_sale_receipt_exact_layout(sale_data, width, expected):
    document = render_document("sale", sale_data, width)
    assert document.text_lines() == expected
    assert document.open_drawer and document.title == "KOP01-20261124-0042"


@pytest.mark.parametrize("kind, fixture", [("sale", "sale_data"), ("samsat", "samsat_data"),
                                           ("shift", "shift_data")])
@pytest.mark.parametrize("width", [32, 48])
def test_every_row_fits_the_paper(request, kind, fixture, width):
    document = render_document(kind, request.getfixturevalue(fixture), width)
    for row in document.rows:
        assert len(row.as_text(width)) * (2 if row.double else 1) <= width, row


def test_reprint_says_salinan_with_the_reprint_time(sale_data):
    sale_data.copy_printed_at = datetime(2026, 11, 25, 1, 30, tzinfo=timezone.utc)
    document = render_document("sale", sale_data, 32)
    lines = document.text_lines()
    assert "        *** SALINAN ***" in lines
    assert "Cetak ulang: 25-11-2026 08:30" in [line.strip() for line in lines]
    assert not document.open_drawer  # a copy never opens the cash drawer


def test_refund_says_retur_and_names_the_original_receipt(sale_data):
    sale_data.is_refund, sale_data.original_receipt_no = True, "KOP01-20261120-0007"
    sale_data.receipt_no, sale_data.note = "KOP01-20261124-0050", "Barang rusak"
    document = render_document("sale", sale_data, 32)
    lines = document.text_lines()
    assert document.kind == "refund"
    assert any(row.text == "RETUR" and row.double for row in document.rows)
    assert "Struk asal   KOP01-20261120-0007" in lines
    assert "KEMBALI" + " " * 15 + "Rp 101.000" in lines  # normal size: too wide for double
    assert "[QR KOP01-20261124-0050]" in lines


def test_samsat_receipt_is_a_bukti_setor_with_every_component(samsat_data):
    lines = render_document("samsat", samsat_data, 48).text_lines()
    assert "                BUKTI SETOR PKB" in lines
    assert "  Denda opsen PKB                         24.750" in lines
    assert "  Denda SWDKLLJ                           32.000" in lines
    assert "  Jumlah 2025                            378.250" in lines
    assert "TOTAL         Rp 667.250" in lines
    assert "[QR KOP01-S-20261124-0007]" in lines
    text = " ".join(lines)
    assert "BUKAN e-TBPKP resmi" in text and "menyusul" in text
    assert "NTPD: menunggu konfirmasi Samsat" in lines


def test_samsat_receipt_shows_the_ntpd_once_confirmed(samsat_data):
    samsat_data.ntpd = "NTPD-3578-0001"
    lines = render_document("samsat", samsat_data, 32).text_lines()
    assert "NTPD              NTPD-3578-0001" in lines
    assert not any("menunggu" in line for line in lines)


def test_shift_reports_x_and_z(shift_data):
    z = render_document("shift", shift_data, 32).text_lines()
    assert z[0] == "   LAPORAN Z" and "Selisih                   Rp 750" in z
    assert "Uang Samsat (titipan) Rp 667.250" in z
    shift_data.report_type, shift_data.closed_at = "X", None
    shift_data.counted_cash = shift_data.difference = None
    x = render_document("shift", shift_data, 32).text_lines()
    assert x[0] == "   LAPORAN X"
    assert not any(line.startswith(("Tutup ", "Selisih", "Manajer")) for line in x)


def test_long_names_wrap_and_amounts_never_break():
    rows = pair_rows("Minyak goreng kemasan premium isi dua liter", "Rp 1.250.000", 32)
    texts = [row.as_text(32) for row in rows]
    assert texts == ["Minyak goreng kemasan premium", "isi dua liter       Rp 1.250.000"]
    alone = pair_rows("Nomor transaksi Samsat", "KOP01-S-20261124-0007", 32)
    assert [row.as_text(32) for row in alone] == ["Nomor transaksi Samsat", "           KOP01-S-20261124-0007"]


def test_a_double_size_amount_that_cannot_fit_is_printed_normal_size():
    rows = pair_rows("TOTAL", "Rp 12.345.678.900", 32, bold=True, double=True)
    assert len(rows) == 1 and not rows[0].double and rows[0].bold
    assert rows[0].as_text(32) == "TOTAL          Rp 12.345.678.900"


def test_wrap_keeps_the_indent_and_breaks_overlong_words():
    assert wrap("  satu dua tiga empat", 10) == ["  satu dua", "  tiga", "  empat"]
    assert wrap("A" * 40, 32) == ["A" * 32, "A" * 8]
    assert [row.as_text(32) for row in text_rows("Halo", 32, align="right")] == [" " * 28 + "Halo"]


def test_a_multiline_header_becomes_centred_rows(sale_data):
    sale_data.shop.header = "Toko OPOP\nBuka 07.00-21.00"
    lines = render_document("sale", sale_data, 32).text_lines()
    assert "           Toko OPOP" in lines and "        Buka 07.00-21.00" in lines


def test_a_shop_edited_layout_is_used_and_its_mistakes_are_reported(tmp_path, sale_data):
    (tmp_path / "sale.txt").write_text("center bold | {{ shop.name }}\nsep | =\npair | Total | {{ total|rupiah }}\n"
                                       "barcode | {{ receipt_no }}\nblank\n# komentar\n")
    document = render_document("sale", sale_data, 32, folder=tmp_path)
    assert document.text_lines() == ["      Kopontren Al-Hikmah", "=" * 32, "Total                 Rp 101.000",
                                     "[BARCODE KOP01-20261124-0042]", ""]
    (tmp_path / "sale.txt").write_text("tengah | {{ shop.name }}\n")
    with pytest.raises(LayoutError, match="tengah"):
        render_document("sale", sale_data, 32, folder=tmp_path)
    (tmp_path / "sale.txt").write_text("text | {{ shop.nama }}\n")
    with pytest.raises(LayoutError, match="sale.txt"):
        render_document("sale", sale_data, 32, folder=tmp_path)
