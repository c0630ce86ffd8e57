import pytest

from posapp.catalog import csv_import
from posapp.catalog.counting import opname_differences, running_balances
from posapp.catalog.csv_import import ImportRefused, check_rows, decode, read_csv

MAX = 2 * 1024 * 1024
HEADER = "nama,sku,barcode,kategori,harga,hpp,harga_anggota,kurasi_opop,stok_awal\n"


def rows_of(text, max_rows=100):
    return read_csv(decode("produk.csv", text.encode("utf-8"), MAX), max_rows)


def test_comma_separated_file():
    rows = rows_of(HEADER + "Kopi,KPI-1,8992761111113,Kopi,40.000,30.000,38.000,ya,12\n")
    assert rows[0].number == 2
    assert rows[0].data["name"] == "Kopi" and rows[0].data["price"] == "40.000"
    checked = check_rows(rows, {}, {})
    assert checked.errors == []
    number, sku, values, opening, is_new = checked.products[0]
    assert (sku, values["price"], values["opop_curated"], opening, is_new) == ("KPI-1", 40000, True, 12, True)


def test_semicolon_file_with_bom_and_excel_line_endings():
    text = "\ufeffNama;SKU;Harga;Modal;Stok Awal\r\nSarung; SRG-1 ;\"185.000\";140.000;3\r\n"
    rows = read_csv(decode("produk.csv", text.encode("utf-8"), MAX), 100)
    checked = check_rows(rows, {}, {})
    assert checked.errors == []
    assert checked.products[0][2]["cost"] == 140000 and checked.products[0][1] == "SRG-1"


def test_template_reads_back_without_errors():
    rows = read_csv(decode("t.csv", csv_import.template_csv().encode("utf-8"), MAX), 10)
    assert check_rows(rows, {}, {}).errors == []


def test_per_row_errors_name_row_and_column():
    text = HEADER + ("Kopi,KPI-1,,Kopi,40.000,,,,\n"
                     ",KPI-2,8992761111114,Kopi,-1,,,,\n"
                     "\n"
                     "Teh,KPI-3,,Teh,10.000,,12.000,,x\n")
    errors = check_rows(rows_of(text), {}, {}).errors
    assert (3, "nama", "Nama produk wajib diisi.") in errors
    assert any(e[:2] == (3, "barcode") for e in errors)
    assert any(e[:2] == (3, "harga") and "negatif" in e[2] for e in errors)
    assert (5, "harga_anggota", "Harga anggota tidak boleh di atas harga jual.") in errors
    assert any(e[:2] == (5, "stok_awal") for e in errors)
    assert not any(e[0] == 2 for e in errors)


def test_duplicates_within_the_file_and_against_the_database():
    text = HEADER + ("A,S-1,8992761111113,K,1000,,,,\n"
                     "B,s-1,,K,1000,,,,\n"
                     "C,S-3,8992761111113,K,1000,,,,\n"
                     "D,S-4,4006381333931,K,1000,,,,\n")
    errors = check_rows(rows_of(text), {}, {"4006381333931": "LAIN-9"}).errors
    assert (3, "sku", "SKU sama dengan baris 2.") in errors
    assert (4, "barcode", "Barcode sama dengan baris 2.") in errors
    assert (5, "barcode", "Barcode sudah dipakai produk SKU LAIN-9.") in errors


def test_existing_sku_is_an_update_keeping_columns_the_file_lacks():
    existing = {"S-1": {"name": "Lama", "sku": "S-1", "barcode": "8992761111113", "category": "Kopi",
                        "unit": "bks", "price": "10.000", "cost": "7.000", "member_price": "",
                        "min_stock": "4", "halal_cert": "", "pesantren": "", "opop_curated": "ya"}}
    rows = rows_of("sku,nama,harga\nS-1,Baru,12.000\n")
    checked = check_rows(rows, existing, {"8992761111113": "S-1"})
    assert checked.errors == []
    _, _, values, _, is_new = checked.products[0]
    assert not is_new and values["name"] == "Baru" and values["price"] == 12000
    assert values["barcode"] == "8992761111113" and values["unit"] == "bks" and values["opop_curated"]
    rows = rows_of("sku,nama,harga,stok_awal\nS-1,Baru,12.000,5\n")
    assert [e[:2] for e in check_rows(rows, existing, {}).errors] == [(2, "stok_awal")]


@pytest.mark.parametrize("filename, content, message", [
    ("produk.xlsx", b"PK\x03\x04xxxx", "bukan CSV"),
    ("produk.csv", b"PK\x03\x04\x00\x00binary", "bukan teks"),
    ("produk.csv", b"nama,sku\x00,harga", "bukan teks"),
    ("produk.csv", "nama,sku,harga\nKopi,K1,40.000\n".encode("cp1252") + b"\xe9", "bukan UTF-8"),
    ("produk.csv", b"", "kosong"),
    ("produk.csv", b"\xef\xbb\xbf  \r\n", "kosong"),
    ("produk.csv", b"x" * (MAX + 1), "terlalu besar"),
])
def test_unusable_files_are_refused(filename, content, message):
    with pytest.raises(ImportRefused, match=message):
        decode(filename, content, MAX)


def test_wrong_mimetype_is_refused_but_excel_csv_is_not():
    with pytest.raises(ImportRefused, match="bukan CSV"):
        decode("produk.csv", b"nama,sku,harga\n", MAX, "application/pdf")
    assert decode("produk.csv", b"nama,sku,harga\n", MAX, "application/vnd.ms-excel")


@pytest.mark.parametrize("text, message", [
    ("nama,harga\nKopi,1000\n", "Kolom wajib tidak ada: sku"),
    ("nama,sku,harga,warna\nKopi,K,1000,merah\n", "Kolom tidak dikenal: warna"),
    ("nama,sku,harga,hpp,modal\nKopi,K,1000,1,1\n", "dua kali"),
    ("nama,sku,harga\n", "tanpa baris produk"),
])
def test_bad_headers_are_refused(text, message):
    with pytest.raises(ImportRefused, match=message):
        rows_of(text)


def test_too_many_rows_is_refused():
    with pytest.raises(ImportRefused, match="maksimal 2"):
        rows_of("nama,sku,harga\nA,A,1\nB,B,1\nC,C,1\n", max_rows=2)


def test_a_row_with_more_cells_than_the_header_is_an_error():
    errors = check_rows(rows_of("nama,sku,harga\nKopi,K1,40.000,lebih\n"), {}, {}).errors
    assert errors and errors[0][0] == 2


def test_running_balances_and_opname_differences():
    assert running_balances(7, [-2, 5, 4]) == [7, 9, 4]
    lines = [(1, 10, 8), (2, 5, 5), (3, 0, 4), (4, 3, None)]
    assert opname_differences(lines) == [(1, 10, 8, -2), (3, 0, 4, 4)]
