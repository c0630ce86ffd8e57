"""The buku kas harian as rows of plain values (str, int, date, datetime), for CSV and XLSX (pure).

`book_rows` returns (rows, table_header_index, money_columns); both exports write these rows, so
they carry the same content: header, opening balance, movements, totals, summaries, cash count,
signature lines.
"""
from ..ledger.posting import CATEGORIES

TABLE_HEADER = ["Waktu", "No. dokumen", "No. jurnal", "Keterangan", "Unit", "Masuk", "Keluar", "Saldo"]
MONEY_COLUMNS = (5, 6, 7)


def header_rows(book) -> list[list]:
    status = "FINAL" if book["final"] else "SEMENTARA (hari belum ditutup)"
    return [["Buku Kas Harian"], ["Koperasi", book["shop_name"]], ["Unit", book["unit"]],
            ["Tanggal", book["day"]], ["Status", status], ["Ditutup oleh", book["closed_by"] or "-"], []]


def movement_rows(book) -> list[list]:
    rows = [[None, "", "", "Saldo awal (saldo akhir kemarin)", "", None, None, book["opening"]]]
    for movement, balance in book["rows"]:
        rows.append([movement.time, movement.doc_no, movement.entry_no, movement.description, movement.unit,
                     movement.cash_in or None, movement.cash_out or None, balance])
    rows.append([None, "", "", "Jumlah", "", book["cash_in"], book["cash_out"], None])
    rows.append([None, "", "", "Saldo akhir", "", None, None, book["closing"]])
    return rows


def summary_rows(book) -> list[list]:
    rows = [[], ["Ringkasan per kategori", "", "", "", "", "Jumlah"]]
    rows += [[name, "", "", "", "", book["summary"][name]] for name in CATEGORIES]
    rows += [[], ["Penjualan bersih anggota", "", "", "", "", book["members"]["anggota"]],
             ["Penjualan bersih non-anggota", "", "", "", "", book["members"]["umum"]], []]
    close = book["close"]
    if close is None:
        rows.append(["Hitung kas", "belum dihitung (hari belum ditutup)"])
    else:
        rows += [["Hitung kas", "", "", "", "", "Jumlah"],
                 ["Kas menurut buku", "", "", "", "", close.cash_expected],
                 ["Uang dihitung", "", "", "", "", close.cash_counted],
                 ["Selisih (lebih + / kurang -)", "", "", "", "", close.difference]]
    cashiers = ", ".join(book["cashiers"]) or "-"
    rows += [[], ["Kasir", "", "", "Manajer"], ["", "", "", ""], ["(" + cashiers + ")", "", "",
                                                                   "(" + (book["closed_by"] or "...........") + ")"]]
    return rows


def book_rows(book):
    """(rows, index of the movement table's header row, money column indexes)."""
    rows = header_rows(book)
    header_index = len(rows)
    rows.append(list(TABLE_HEADER))
    rows += movement_rows(book)
    rows += summary_rows(book)
    return rows, header_index, MONEY_COLUMNS
