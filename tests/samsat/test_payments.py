"""After the counter: statuses from the sync, the payments page, reprint with NTPD, setoran, shift totals."""
import pytest

from posapp.extensions import db
from posapp.ledger.models import JournalEntry, JournalLine
from posapp.samsat import payments as samsat_payments
from posapp.samsat.models import SamsatPayment, SamsatSetoran, SamsatStatusEvent
from tests.conftest import PINS
from tests.samsat.conftest import BILL_TOTAL, bill_uuid


@pytest.fixture
def paid(counter_shift, show_bill, pay, samsat_fee):
    """Pay n bills (fee Rp 5.000); returns the payments."""
    samsat_fee(5000)

    def make(n=1):
        for _ in range(n):  # one vehicle each: a tax year is paid once
            plate = f"L {1234 + db.session.scalar(db.select(db.func.count(SamsatPayment.id)))} AB"
            assert pay(bill_uuid(show_bill(plate=plate))).status_code == 302
        return db.session.scalars(db.select(SamsatPayment).order_by(SamsatPayment.id)).all()
    return make


def confirm(payment, ntpd="2611241234567890"):
    samsat_payments.mark_sent([payment.uuid])
    samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", ntpd, 0, "")
    db.session.commit()


def test_statuses_are_new_events_and_a_repeated_verdict_is_kept_once(paid):
    [payment] = paid()
    assert samsat_payments.mark_sent([payment.uuid]) == 1
    assert samsat_payments.mark_sent([payment.uuid]) == 0
    samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", "2611241234567890", 0, "")
    samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", "2611241234567890", 0, "")
    db.session.commit()
    statuses = db.session.scalars(db.select(SamsatStatusEvent.status).order_by(SamsatStatusEvent.id)).all()
    assert statuses == ["menunggu_kirim", "terkirim", "terkonfirmasi"]
    assert (payment.status, payment.ntpd, payment.tax) == ("terkonfirmasi", "2611241234567890", BILL_TOTAL)
    assert samsat_payments.apply_confirmation("00000000-0000-4000-8000-000000000000", "ditolak") is None


def test_a_confirmation_without_ntpd_or_with_an_unknown_status_is_refused(paid):
    [payment] = paid()
    with pytest.raises(ValueError):
        samsat_payments.apply_confirmation(payment.uuid, "terkonfirmasi", None)
    with pytest.raises(ValueError):
        samsat_payments.apply_confirmation(payment.uuid, "lunas", "X")


def test_payments_page_filters_by_status_and_shows_ntpd_and_difference(kasir_client, paid):
    first, second, third = paid(3)
    confirm(first)
    samsat_payments.apply_confirmation(second.uuid, "selisih", None, 12_500, "hub_total berbeda")
    db.session.commit()
    page = kasir_client.get("/samsat/pembayaran?tanggal=2026-11-24").get_data(as_text=True)
    assert all(p.transaction_no in page for p in (first, second, third))
    assert "2611241234567890" in page and "Rp 12.500" in page
    only = kasir_client.get("/samsat/pembayaran?tanggal=2026-11-24&status=selisih").get_data(as_text=True)
    assert second.transaction_no in only and first.transaction_no not in only and third.transaction_no not in only
    waiting = kasir_client.get("/samsat/pembayaran?tanggal=2026-11-24&status=menunggu_kirim").get_data(as_text=True)
    assert third.transaction_no in waiting and first.transaction_no not in waiting
    other_day = kasir_client.get("/samsat/pembayaran?tanggal=2026-11-23").get_data(as_text=True)
    assert first.transaction_no not in other_day


def test_after_confirmation_the_receipt_shows_the_ntpd(kasir_client, paid):
    [payment] = paid()
    before = kasir_client.get(f"/samsat/pembayaran/{payment.uuid}").get_data(as_text=True)
    assert "menunggu konfirmasi" in before
    confirm(payment)
    after = kasir_client.get(f"/samsat/pembayaran/{payment.uuid}").get_data(as_text=True)
    assert "2611241234567890" in after and "menunggu konfirmasi" not in after
    pdf = kasir_client.get(f"/samsat/pembayaran/{payment.uuid}/struk.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_setoran_covers_confirmed_payments_once_and_posts_titipan_out(manajer_client, paid):
    first, second, third = paid(3)
    confirm(first)
    confirm(second)
    response = manajer_client.post("/samsat/setoran", data={"payment_id": [str(first.id), str(second.id)],
                                                            "via": "cash", "note": "slip 42"})
    assert response.status_code == 302
    entry = db.session.scalar(db.select(JournalEntry).where(JournalEntry.source == "setoran"))
    lines = {(x.account_code, x.debit, x.credit) for x in db.session.scalars(
        db.select(JournalLine).where(JournalLine.entry_id == entry.id))}
    assert lines == {("2101", 2 * BILL_TOTAL, 0), ("1101", 0, 2 * BILL_TOTAL)}  # the fee stays income
    again = manajer_client.post("/samsat/setoran", data={"payment_id": [str(first.id)], "via": "cash"})
    assert again.status_code == 400 and "Sudah pernah disetor" in again.get_data(as_text=True)
    unconfirmed = manajer_client.post("/samsat/setoran", data={"payment_id": [str(third.id)], "via": "cash"})
    assert unconfirmed.status_code == 400 and "belum terkonfirmasi" in unconfirmed.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(JournalEntry.id)).where(JournalEntry.source == "setoran")) == 1


def test_setoran_is_for_managers(kasir_client, paid):
    assert kasir_client.get("/samsat/setoran").status_code == 403


def test_shift_report_keeps_samsat_money_apart_and_counts_its_cash(kasir_client, paid, pay, show_bill):
    paid(1)
    pay(bill_uuid(show_bill(plate="W 77 X")), method="noncash", reference="TRF-1", tendered="")
    from posapp.till import shifts
    shift = shifts.open_shift_of(db.session.get(SamsatPayment, 1).user)
    report = shifts.summary(shift)
    rounded = (BILL_TOTAL + 5000) % 100  # the cash is rounded down to Rp 100; non-cash is not
    assert report["samsat"] == {"count": 2, "tax": 2 * BILL_TOTAL, "fee": 10_000, "total": 2 * BILL_TOTAL + 10_000,
                                "cash": BILL_TOTAL + 5000 - rounded, "noncash": BILL_TOTAL + 5000, "rounding": rounded,
                                "refunded": 0, "shortfall": 0}
    assert report["cash_expected"] == 100_000 + BILL_TOTAL + 5000 - rounded
    assert report["net"] == 0  # shop sales are untouched by Samsat money


def test_reprint_of_a_printed_receipt_needs_a_manager_pin(kasir_client, paid, tmp_path, app):
    from posapp.samsat.models import SamsatPrint
    from posapp.shop.service import save_settings
    target = tmp_path / "printer.bin"
    save_settings({"printer_connection": "file", "printer_file_path": str(target)})
    db.session.commit()
    [payment] = paid()
    assert target.exists()  # printed at payment time
    refused = kasir_client.post(f"/samsat/pembayaran/{payment.uuid}/cetak", data={})
    assert refused.status_code == 302
    assert db.session.scalar(db.select(db.func.count(SamsatPrint.id))) == 1
    kasir_client.post(f"/samsat/pembayaran/{payment.uuid}/cetak", data={"approver": "manajer",
                                                                        "pin": PINS["manajer"]})
    prints = db.session.scalars(db.select(SamsatPrint).order_by(SamsatPrint.id)).all()
    assert [(p.ok, p.copy) for p in prints] == [(True, False), (True, True)]
    assert b"SALINAN" in target.read_bytes()


def test_confirmed_total_feeds_the_ledger_report(paid):
    from datetime import date
    first, second = paid(2)
    confirm(first)
    assert samsat_payments.confirmed_total(date(2026, 11, 1), date(2026, 11, 30)) == BILL_TOTAL


def test_a_hub_feed_verdict_becomes_a_status_event(paid):
    [payment] = paid()
    samsat_payments.apply_hub_verdict({"payment_uuid": payment.uuid, "status": "selisih", "ntpd": None,
                                       "shop_total": BILL_TOTAL, "hub_total": BILL_TOTAL + 1000,
                                       "difference": 1000, "reason": None})
    db.session.commit()
    assert (payment.status, payment.latest.difference, payment.ntpd) == ("selisih", 1000, None)


def test_setoran_numbers_run_per_day_from_a_counter_and_a_refusal_takes_none(manajer_client, paid):
    first, second = paid(2)
    confirm(first)
    confirm(second)
    for payment in (first, first, second):  # the second try of `first` is refused: already deposited
        manajer_client.post("/samsat/setoran", data={"payment_id": [str(payment.id)], "via": "cash"})
    numbers = db.session.scalars(db.select(SamsatSetoran.setoran_no).order_by(SamsatSetoran.id)).all()
    day = first.business_date.strftime("%Y%m%d")
    assert [n.split("-")[0] + "-" + n.split("-", 2)[2] for n in numbers] == [f"SETOR-{day}-0001", f"SETOR-{day}-0002"]
