"""The buku kas harian as rows of plain values (str, int, date, datetime), for CSV and XLSX (pure).

`book_rows` returns (rows, table_header_index, money_columns); both exports write these rows, so
they carry the same content: header, opening balance, movements, totals, summaries, cash count,
signature lines.
"""
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


def category_rows(book) -> list[list]:
    """Kas in and out by category (in the Masuk and Keluar columns), their total and the check against the
    closing balance: saldo awal + masuk − keluar."""
    summary = book["summary"]
    rows = [["Ringkasan kas per kategori", "", "", "", "", "Masuk", "Keluar"]]
    rows += [[name, "", "", "", "", cash_in, cash_out] for name, cash_in, cash_out in summary["kas"]]
    cash_in, cash_out = sum(r[1] for r in summary["kas"]), sum(r[2] for r in summary["kas"])
    rows += [["Jumlah", "", "", "", "", cash_in, cash_out],
             ["Saldo awal + masuk − keluar = saldo akhir", "", "", "", "", None, None,
              book["opening"] + cash_in - cash_out]]
    return rows


def beside_rows(book) -> list[list]:
    """What moved beside the Kas on the same day (bank, titipan, members' sales)."""
    summary = book["summary"]
    return [["Di luar kas", "", "", "", "", "Jumlah"],
            ["Penjualan non-tunai (bank / QRIS)", "", "", "", "", summary["noncash_sales"]],
            ["Titipan pajak Samsat diterima (semua cara bayar)", "", "", "", "", summary["samsat_tax"]],
            ["Pendapatan jasa loket Samsat", "", "", "", "", summary["samsat_fee"]],
            ["Penjualan bersih anggota", "", "", "", "", book["members"]["anggota"]],
            ["Penjualan bersih non-anggota", "", "", "", "", book["members"]["umum"]]]


def count_rows(book) -> list[list]:
    """The cash count of the day close and the signature lines (kept on one page in the PDF)."""
    rows, close = [], book["close"]
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


def summary_rows(book) -> list[list]:
    return [[], *category_rows(book), [], *beside_rows(book), [], *count_rows(book)]


def book_rows(book):
    """(rows, index of the movement table's header row, money column indexes)."""
    rows = header_rows(book)
    header_index = len(rows)
    rows.append(list(TABLE_HEADER))
    rows += movement_rows(book)
    rows += summary_rows(book)
    return rows, header_index, MONEY_COLUMNS
