"""A whole shop day at 1366×768, as people do it: first-run setup, a shift, twenty sales by scanning (each
next customer's first scan straight after the "Transaksi selesai" dialog), a refund with the manager's
PIN, a Samsat payment by manual entry, the shift closed with its Z printed to a loopback ESC/POS
printer, the day closed, and the exports downloaded and read back. A screenshot of every main screen
goes to artifacts/screenshots/ (git-ignored) for people to look at.

Expenses (kas keluar) are another engineer's work in progress: not part of this day yet.
"""
import csv
import io
import random
import threading
from datetime import timedelta
from pathlib import Path

import openpyxl
import pypdf
import pytest
from werkzeug.serving import make_server

from posapp import clock
from posapp.extensions import db
from tests.browser.conftest import LoopbackPrinter, login, scan

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "rahasia-123"
pytestmark = pytest.mark.slow


@pytest.fixture
def fresh_server(app):
    """The app with an empty database (nobody set it up yet), served on a loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def rupiah_of(text):
    return int(text.replace("Rp", "").replace(".", "").strip())


def setup_shop(page, base):
    page.goto(base)
    page.wait_for_url(f"{base}/setup")
    shot(page, "01-setup")
    for field, value in (("shop_name", "Kopontren Al-Hikmah"), ("shop_address", "Jl. Pesantren 1, Jombang"),
                         ("shop_code", "KOP01"), ("username", "admin"), ("full_name", "Ustadz Hasan"),
                         ("password", PASSWORD), ("password2", PASSWORD), ("pin", "111111")):
        page.fill(f"#f-{field}", value)
    page.press("#f-pin", "Enter")
    page.wait_for_url(f"{base}/pengguna")
    for username, full_name, role, pin in (("siti", "Siti Aminah", "kasir", ""),
                                           ("maryam", "Hj. Maryam", "manajer", "222222")):
        page.goto(f"{base}/pengguna/baru")
        page.fill("#f-username", username)
        page.fill("#f-full_name", full_name)
        page.select_option("#f-role", role)
        page.fill("#f-password", PASSWORD)
        if pin:
            page.fill("#f-pin", pin)
        page.press("#f-password", "Enter")
        page.wait_for_url(f"{base}/pengguna")
    shot(page, "02-users")


def sell_twenty(page, codes, rng):
    """Twenty customers; from the second on, the first scan lands while the last dialog is still open."""
    receipts = []
    for n in range(20):
        basket = rng.sample(codes, rng.randint(1, 3))
        for i, code in enumerate(basket):
            scan(page, code)
            page.wait_for_function(f"document.querySelectorAll('#cart tbody tr').length === {i + 1}")
        assert not page.evaluate("document.getElementById('done-dialog').open")
        page.keyboard.press("F8")
        if n == 0:
            shot(page, "05-pay-dialog")
        buttons = page.query_selector_all("#quick-cash button")
        rng.choice(buttons).click()  # uang pas or a likely note
        page.press("#tendered", "Enter")
        page.wait_for_selector("#done-dialog[open]")
        if n == 0:
            shot(page, "06-done-dialog")
        receipts.append(page.inner_text("#receipt-no"))
    page.keyboard.press("Enter")  # the last customer: close the dialog by hand
    return receipts


def samsat_payment(page, base):
    from posapp.samsat.dates import add_years
    page.goto(f"{base}/samsat")
    page.fill("#f-plate", "l 1234 ab")
    page.fill("#f-owner_name", "Ahmad Fauzi")
    page.fill("#f-brand", "Honda Beat")
    page.select_option("#f-vehicle_class", "motor")
    page.fill("#f-cc", "125")
    page.fill("#f-njkb", "15.000.000")
    due = clock.today() - timedelta(days=23)
    page.fill("#f-tax_due", due.isoformat())
    page.fill("#f-stnk_valid_until", add_years(due, 3).isoformat())
    page.fill("#f-chassis_no", "MH1JM1234KK56789")
    page.click("#show-bill")
    page.wait_for_selector("#bill-lines")
    shot(page, "08-samsat-bill")
    page.fill("#f-chassis_check", "56789")
    page.check("#f-ktp_checked")
    cash = page.inner_text("#bill-cash") if page.query_selector("#bill-cash") else page.inner_text("#bill-total")
    page.fill("#f-tendered", str(rupiah_of(cash)))
    page.press("#f-tendered", "Enter")
    page.wait_for_selector("#receipt")
    shot(page, "09-samsat-receipt")
    return rupiah_of(page.inner_text("#p-total"))


def logout(page, base):
    page.goto(f"{base}/")
    page.click(".who button:has-text('Keluar')")
    page.wait_for_url(lambda url: "/masuk" in url)


def download(page, selector):
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_a_whole_shop_day(fresh_server, browser, app, make_product):
    base, rng = fresh_server, random.Random(16)
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID", accept_downloads=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    printer = LoopbackPrinter()
    try:
        setup_shop(page, base)
        from posapp.shop.service import save_settings
        save_settings({"printer_connection": "network", "printer_host": "127.0.0.1", "printer_port": printer.port})
        names = ["Kopi Dampit 200g", "Air Santri 600ml", "Sabun Sereh", "Madu Klanceng", "Kitab Safinah",
                 "Sarung Tenun Goyor", "Peci Hitam", "Gula Aren 500g"]
        prices = [35_000, 4_000, 12_050, 87_500, 15_000, 185_000, 45_000, 22_750]
        codes = [make_product(name=n, price=p, stock=200).barcode for n, p in zip(names, prices)]
        db.session.remove()

        logout(page, base)
        login(page, base, "siti", PASSWORD)
        page.goto(f"{base}/shift")
        shot(page, "03-open-shift")
        page.fill("#f-opening_cash", "200.000")
        page.press("#f-opening_cash", "Enter")
        page.wait_for_url(f"{base}/kasir")
        shot(page, "04-cashier-screen")
        receipts = sell_twenty(page, codes, rng)
        assert len(set(receipts)) == 20 and receipts[-1].endswith("-0020")
        assert len([job for job in printer.jobs if job]) >= 20  # every receipt went to the printer

        page.goto(f"{base}/retur")
        page.fill("#receipt-no-input", receipts[0])
        page.press("#receipt-no-input", "Enter")
        page.locator("#refund-form input[name^='qty-']").first.fill("1")
        page.select_option("#approver", "maryam")
        page.fill("#pin", "222222")
        shot(page, "07-refund")
        page.click("#do-refund")
        page.wait_for_selector("#receipt-number")
        assert page.inner_text("#receipt-number").endswith("-0021")

        samsat_total = samsat_payment(page, base)
        assert samsat_total > 0

        page.goto(f"{base}/shift")
        expected = page.inner_text("#close-shift strong")
        page.fill("#f-counted_cash", expected)
        shot(page, "10-close-shift")
        jobs = len(printer.jobs)
        page.click("#close-shift button[type=submit]")
        page.wait_for_selector("#shift-report")
        assert "laporan Z dicetak" in page.inner_text(".flash")
        shot(page, "11-z-report")
        z = printer.texts(jobs)
        assert any("LAPORAN Z" in line for line in z) and any("Siti Aminah" in line for line in z)
        assert page.inner_text("#r-difference") == "Rp 0"

        logout(page, base)  # the manager comes
        login(page, base, "maryam", PASSWORD)
        page.goto(f"{base}/")
        shot(page, "12-manager-home")
        page.goto(f"{base}/buku/tutup-hari")
        book_cash = rupiah_of(page.inner_text("form.card p strong"))
        page.fill("#f-uang_dihitung", str(book_cash))
        shot(page, "13-day-close")
        page.click("form.card button[type=submit]")
        page.wait_for_url(lambda url: "/buku/kas" in url)
        shot(page, "14-cash-book")

        xlsx = openpyxl.load_workbook(io.BytesIO(download(page, "a[href$='.xlsx']"))).active
        values = [[c.value for c in row] for row in xlsx.iter_rows()]
        closing = next(r for r in values if r and len(r) > 3 and r[3] == "Saldo akhir")[7]
        assert closing == book_cash
        rows = list(csv.reader(io.StringIO(download(page, "a[href$='.csv']").decode("utf-8-sig")), delimiter=";"))
        assert ["Status", "FINAL"] == rows[4][:2]
        assert any(r[:1] == ["Saldo akhir"] or (len(r) > 3 and r[3] == "Saldo akhir" and r[7] == str(book_cash))
                   for r in rows)
        pdf = pypdf.PdfReader(io.BytesIO(download(page, "a[href$='.pdf']")))
        text = "\n".join(p.extract_text() for p in pdf.pages)
        assert "FINAL" in text and "(Hj. Maryam)" in text and "Siti Aminah" in text  # full names signed
        page.goto(f"{base}/buku/laporan")
        shot(page, "15-reports")
        assert page.evaluate("Chart.getChart('chart-top').data.labels.length") > 0

        logout(page, base)  # the day is closed: the cashier is told so, plainly
        login(page, base, "siti", PASSWORD)
        page.goto(f"{base}/kasir")
        assert "sudah ditutup" in page.inner_text("#day-closed")
        shot(page, "16-day-closed")
    finally:
        printer.close()
        context.close()
