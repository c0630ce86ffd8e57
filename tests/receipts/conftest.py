"""Receipt test data: a sale, a Samsat payment and a shift report with consistent amounts."""
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from posapp.receipts.data import (Payment, ReceiptLine, SaleReceiptData, SamsatReceiptData, SamsatYear,
                                  ShiftReportData, ShopIdentity)

ISSUED = datetime(2026, 11, 24, 3, 5, tzinfo=timezone.utc)  # 10:05 WIB


@pytest.fixture
def shop_identity():
    return ShopIdentity(name="Kopontren Al-Hikmah", address="Jl. Pesantren 1, Jombang", code="KOP01",
                        header="Toko OPOP", footer="Terima kasih")


@pytest.fixture
def sale_data(shop_identity):
    lines = [ReceiptLine("Indomie Goreng Rasa Ayam Bawang Spesial Jumbo", 2, 3500, 7000),
             ReceiptLine("Beras Pandan Wangi 5 kg", 1, 75000, 70000, discount=5000),
             ReceiptLine("Gula Pasir", Decimal("1.5"), 16000, 24000)]
    return SaleReceiptData(shop=shop_identity, receipt_no="KOP01-20261124-0042", issued_at=ISSUED,
                           kasir="Siti Aminah", lines=lines, subtotal=106000, discount_total=5000,
                           total=101000, payments=[Payment("Tunai", 101000)], tendered=150000,
                           change=49000, member=True)


@pytest.fixture
def samsat_data(shop_identity):
    years = [SamsatYear(2025, pkb=150000, opsen_pkb=99000, denda_pkb=37500, denda_opsen_pkb=24750,
                        swdkllj=35000, denda_swdkllj=32000),
             SamsatYear(2026, pkb=150000, opsen_pkb=99000, swdkllj=35000)]
    return SamsatReceiptData(shop=shop_identity, transaction_no="KOP01-S-20261124-0007", issued_at=ISSUED,
                             kasir="Siti Aminah", plate="S 1234 AB", owner_name="Ahmad Fauzi",
                             vehicle="HONDA BEAT 110 CW 2019", period_old=date(2024, 11, 20),
                             period_new=date(2026, 11, 20), years=years, fee=5000, total=667250,
                             payment_method="Tunai", tendered=700000, change=32750)


@pytest.fixture
def shift_data(shop_identity):
    return ShiftReportData(shop=shop_identity, report_type="Z", shift_no="S-0003", kasir="Siti Aminah",
                           opened_at=datetime(2026, 11, 24, 0, 0, tzinfo=timezone.utc),
                           closed_at=datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc),
                           printed_at=datetime(2026, 11, 24, 9, 1, tzinfo=timezone.utc),
                           sales_count=12, sales_total=500000, refunds_count=1, refunds_total=10000,
                           payments=[Payment("Tunai", 400000), Payment("QRIS", 90000)],
                           shop_money=490000, samsat_money=667250, opening_cash=200000,
                           expected_cash=1267250, counted_cash=1268000, difference=750)
