"""Browser tests: the app served by a real server thread, driven through Debian's chromium."""
import os
import threading
from urllib.parse import quote

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def live_server(app, users):
    """Base URL of the app (with kasir, manajer and admin accounts) on a random loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip("chromium belum terpasang: apt-get install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, base_url, username, password):
    """Log in through the real login form."""
    page.goto(f"{base_url}/masuk")
    page.fill("#username", username)
    page.fill("#password", password)
    page.press("#password", "Enter")
    page.wait_for_url(lambda url: "/masuk" not in url)


class LoopbackPrinter:
    """An ESC/POS printer on 127.0.0.1: every connection is one job, kept whole (decode with
    tests/receipts/escpos_decoder.py)."""

    def __init__(self):
        import socket
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.jobs = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        import socket
        while self.running:
            try:
                conn, _ = self.server.accept()
            except (socket.timeout, OSError):
                continue
            conn.settimeout(5)
            data = b""
            with conn:
                try:
                    while chunk := conn.recv(65536):
                        data += chunk
                except OSError:
                    pass
            self.jobs.append(data)

    def texts(self, job=-1):
        from tests.receipts.escpos_decoder import decode
        return decode(self.jobs[job]).texts

    def close(self):
        self.running = False
        self.thread.join(5)
        self.server.close()


@pytest.fixture
def loopback_printer(app):
    """The shop's printer set to a loopback ESC/POS listener."""
    from posapp.extensions import db
    from posapp.shop.service import save_settings
    printer = LoopbackPrinter()
    save_settings({"printer_connection": "network", "printer_host": "127.0.0.1", "printer_port": printer.port})
    db.session.commit()
    yield printer
    printer.close()


def open_shift(page, base_url, opening="100.000"):
    page.goto(f"{base_url}/shift")
    page.fill("#f-opening_cash", opening)
    page.press("#f-opening_cash", "Enter")
    page.wait_for_url(f"{base_url}/kasir")


def hold_answers(page, pattern) -> list:
    """Hold back the answers to requests matching `pattern`, as a slow till PC would: returns the held
    routes; `route.continue_()` lets one through."""
    held = []
    page.route(pattern, lambda route: held.append(route))
    return held


def type_over_a_late_answer(page, field, api, older, newer, listed):
    """Type `older` into `field` and hold its answer from `api` back, type `newer` and wait until its answer
    lists one item (`listed`: the items' selector), then let the older answer arrive last."""
    held = hold_answers(page, f"**{api}?q={older}")
    with page.expect_request(lambda asked: asked.url.endswith(f"q={older}")):
        page.fill(field, older)
    with page.expect_response(lambda answer: "q=" + quote(newer) in answer.url):
        page.fill(field, newer)
    page.wait_for_function(f"document.querySelectorAll('{listed}').length === 1")
    with page.expect_response(lambda answer: answer.url.endswith(f"q={older}")):
        held[0].continue_()
    page.wait_for_timeout(200)  # time for the page to read the late answer (and leave it)


def scan(page, code):
    """Type a code into the barcode field the way a scanner does (digits, then Enter)."""
    page.keyboard.type(code)
    page.keyboard.press("Enter")
