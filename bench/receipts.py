"""Benchmark: render a 20-line sale receipt (layout → document) to ESC/POS bytes and to a PDF."""
import time
from datetime import datetime, timezone

from posapp.receipts import (Payment, PrinterSettings, ReceiptLine, SaleReceiptData, ShopIdentity,
                             render_document, to_escpos_bytes, to_pdf_bytes)

ROUNDS = 30


def sale_with_lines(count=20) -> SaleReceiptData:
    shop = ShopIdentity("Kopontren Al-Hikmah", "Jl. Pesantren 1, Jombang", "KOP01", "Toko OPOP", "Terima kasih")
    lines = [ReceiptLine(f"Produk nomor {n} dengan nama agak panjang", n, 1500 * n, 1500 * n * n)
             for n in range(1, count + 1)]
    total = sum(line.amount for line in lines)
    return SaleReceiptData(shop=shop, receipt_no="KOP01-20261124-0099",
                           issued_at=datetime(2026, 11, 24, 3, 5, tzinfo=timezone.utc), kasir="Siti",
                           lines=lines, subtotal=total, discount_total=0, total=total,
                           payments=[Payment("Tunai", total)], tendered=total, change=0)


def _ms(work) -> float:
    work()  # warm up: fonts, profiles, templates
    started = time.perf_counter()
    for _ in range(ROUNDS):
        work()
    return (time.perf_counter() - started) * 1000 / ROUNDS


def run(report):
    data = sale_with_lines(20)
    settings = PrinterSettings(paper_mm=58, drawer_pulse=True)
    report("receipt_escpos_20_lines", _ms(lambda: to_escpos_bytes(render_document("sale", data, 32), settings)),
           "ms")
    report("receipt_pdf_20_lines", _ms(lambda: to_pdf_bytes(render_document("sale", data, 32), 58)), "ms")
