"""A full manual-entry Samsat payment in a real browser: STNK facts, bill, checks, cash, bukti setor."""
from posapp.extensions import db
from tests.browser.conftest import login
from tests.conftest import PASSWORD


def test_manual_entry_payment_with_its_receipt(live_server, page):
    db.session.remove()  # the server thread uses its own sessions
    login(page, live_server, "kasir", PASSWORD)
    page.goto(f"{live_server}/shift")
    page.fill("#f-opening_cash", "100.000")
    page.press("#f-opening_cash", "Enter")
    page.wait_for_url(f"{live_server}/kasir")

    page.goto(f"{live_server}/samsat")
    page.fill("#f-plate", "l 1234 ab")
    page.fill("#f-owner_name", "Ahmad Fauzi")
    page.fill("#f-brand", "Honda Beat")
    page.select_option("#f-vehicle_class", "motor")
    page.fill("#f-cc", "125")
    page.fill("#f-njkb", "15.000.000")
    # due one month ago, STNK valid three more years: a late but payable year
    from datetime import timedelta
    from posapp import clock
    from posapp.samsat.dates import add_years
    today = clock.today()
    due = today - timedelta(days=23)
    page.fill("#f-tax_due", due.isoformat())
    page.fill("#f-stnk_valid_until", add_years(due, 3).isoformat())
    page.fill("#f-chassis_no", "MH1JM1234KK56789")
    page.click("#show-bill")

    page.wait_for_selector("#bill-lines")
    assert page.inner_text("#bill-plate") == "L 1234 AB"
    assert "belum terverifikasi" in page.inner_text("#unverified")
    total = page.inner_text("#bill-total")
    amount = int(total.replace("Rp", "").replace(".", "").strip())
    rounding = amount % 100  # cash is rounded down to Rp 100, borne by the koperasi
    if rounding:
        assert page.inner_text("#bill-cash") == "Rp " + f"{amount - rounding:,}".replace(",", ".")
    amount -= rounding

    page.fill("#f-chassis_check", "56780")  # wrong: refused, nothing recorded
    page.check("#f-ktp_checked")
    page.fill("#f-tendered", str(amount + 10_000))
    page.click("#pay")
    page.wait_for_selector("#e-chassis_check")
    assert "tidak cocok" in page.inner_text("#e-chassis_check")

    page.fill("#f-chassis_check", "56789")
    page.check("#f-ktp_checked")
    page.fill("#f-tendered", str(amount + 10_000))
    assert page.inner_text("#change") == "Rp 10.000"
    page.press("#f-tendered", "Enter")
    page.wait_for_selector("#receipt")
    number = page.inner_text("#transaction-no")
    assert number == f"SAM-KOP01-{today:%Y%m%d}-0001"
    assert page.inner_text("#p-change") == "Rp 10.000"
    receipt = page.inner_text("#receipt")
    for expected in ("BUKTI SETOR PKB", number, "L 1234 AB", "Ahmad Fauzi", "Honda Beat", "PKB", "SWDKLLJ",
                     "BUKAN e-TBPKP", "menunggu konfirmasi", f"[QR {number}]"):
        assert expected in receipt
    assert page.inner_text("#status") == "Menunggu kirim"

    page.goto(f"{live_server}/samsat/pembayaran")
    assert number in page.inner_text("#payments")


def test_the_opsen_question_appears_with_a_typed_pkb_pokok(live_server, page):
    db.session.remove()
    login(page, live_server, "kasir", PASSWORD)
    page.goto(f"{live_server}/samsat")
    assert not page.is_visible("#pkb-regime")  # with an NJKB there is nothing to ask
    page.fill("#f-pkb_pokok", "180.000")
    assert page.is_visible("#pkb-regime")
    assert "Apakah STNK memuat baris opsen PKB?" in page.inner_text("#pkb-regime")
    page.fill("#f-pkb_pokok", "")
    assert not page.is_visible("#pkb-regime")
