"""The bukti setor: masked chassis number, STNK validity, the reliefs applied, BELUM TERVERIFIKASI until the NTPD."""
from datetime import datetime

from posapp.extensions import db
from posapp.receipts import to_escpos_bytes
from posapp.samsat import counter, inquiry, payments as samsat_payments
from posapp.samsat.models import SamsatPayment
from posapp.samsat.receipt import document
from tests.receipts.escpos_decoder import decode
from tests.samsat.conftest import bill_uuid
from tests.samsat.test_counter import CASH, HUB_ANSWER


def receipt_text(client, payment) -> str:
    return client.get(f"/samsat/pembayaran/{payment.uuid}").get_data(as_text=True)


def only_payment() -> SamsatPayment:
    return db.session.scalar(db.select(SamsatPayment))


def test_a_manual_entry_receipt_is_unverified_until_the_hub_confirms_it(kasir_client, counter_shift, show_bill,
                                                                        pay):
    pay(bill_uuid(show_bill()))
    payment = only_payment()
    text = receipt_text(kasir_client, payment)
    for words in ("*****56789", "Masa berlaku STNK", "01-11-2029", "BELUM TERVERIFIKASI",
                  "NTPD: menunggu konfirmasi Samsat"):
        assert words in text
    assert "MH1JM1234KK56789" not in text  # never the whole chassis number
    samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", "2611241234567890", 0)
    db.session.commit()
    reprint = receipt_text(kasir_client, payment)
    assert "2611241234567890" in reprint and "BELUM TERVERIFIKASI" not in reprint


def test_a_hub_verified_receipt_never_says_unverified(users, counter_shift, frozen_clock, monkeypatch):
    monkeypatch.setattr(inquiry, "hub_function", lambda: lambda plate, on: HUB_ANSWER)
    quote = inquiry.lookup("L 1234 AB", {}, frozen_clock().date())
    payment, _ = counter.take_payment(users["kasir"], quote, counter.new_payment_uuid(), {**CASH, "tendered": "400.000"})
    rows = document(payment, columns=32).text_lines()
    assert "BELUM TERVERIFIKASI" not in "\n".join(rows) and any("*****56789" in row for row in rows)


def test_a_relief_explains_a_denda_of_zero_on_paper(kasir_client, frozen_clock, show_bill, pay):
    frozen_clock(datetime(2025, 10, 15, 10, 0))  # inside the HUT Jatim 2025 pemutihan
    assert kasir_client.post("/shift/buka", data={"opening_cash": "100.000"}).status_code == 302
    assert pay(bill_uuid(show_bill(tax_due="2025-09-01", stnk_valid_until="2028-09-01"))).status_code == 302
    payment = only_payment()
    assert payment.denda_pkb == 0 and payment.bill["years"][0]["months_late"] == 2  # late, yet no denda PKB
    printed = decode(to_escpos_bytes(document(payment, columns=32)))
    joined = " ".join(printed.texts)
    assert "Keringanan: Pemutihan denda HUT Jawa Timur 2025 (denda PKB dihapus)" in joined
    assert "Tanpa kenaikan PKB 2025" in joined
    assert "?" not in joined and all(line.columns <= 32 for line in printed.lines)


def test_no_relief_line_when_none_applies(kasir_client, counter_shift, show_bill, pay):
    pay(bill_uuid(show_bill()))
    assert "Keringanan" not in receipt_text(kasir_client, only_payment())
