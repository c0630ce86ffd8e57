"""Every form, JSON endpoint and page of the shop, given junk by each role, answers without a server error.

The demo koperasi (two days of trade, so row 1 of every table exists) takes, on every POST route, the
fields its own page shows plus the usual act fields, all set to one odd value at a time: empty, negative,
letters, a 30-digit number, a date that is none, rupiah with a comma, JSON-looking text; as JSON also
numbers, booleans, null, lists and objects where text is expected. A refusal is a
4xx or a redirect with a message; what the test client raises (TESTING propagates it) is a server error
(tests/junk.py).
Every page is asked for with the query arguments the views read, set to the odd values that are numbers
or dates in disguise.
"""
import re
from datetime import datetime

import pytest

from posapp import clock
from tests.junk import answered

VALUES = ["", "-1", "abc", "9" * 30, "1e9", "0", "2026-13-45", "Rp 1.000,5", " ", "null", "[]", '{"a":1}']
TYPED = [123, 1.5, True, None, [1, 2], {"a": 1}, 2 ** 70, [{"x": None}]]  # JSON bodies carry any type
USUAL = {"uuid", "qty", "amount", "pin", "approver", "tanggal", "bulan", "tahun", "method", "kind", "supplier_id",
         "group_id", "produk", "member_id", "product_id"}
QUERY_VALUES = ["", "-1", "abc", "9" * 30, "2026-13-45"]
QUERY_ARGS = ("page", "q", "bulan", "tanggal", "dari", "sampai", "tahun", "status", "jenis", "produk", "cari", "hari",
              "jumlah", "no", "cursor", "format")
# leaving or locking the session would turn every later request into a login page
SKIP = {"/keluar", "/kunci", "/kasir/api/kunci", "/setup", "/masuk", "/kasir/api/masuk"}


@pytest.fixture
def demo(app):
    from posapp.demo.month import seed_month
    clock.freeze(datetime(2026, 11, 18, 9, 0))
    try:
        passwords, _ = seed_month(2)
        clock.freeze(datetime(2026, 11, 18, 9, 0))
        yield passwords
    finally:
        clock.freeze(None)


def _routes(app, method) -> list[str]:
    """Every route taking `method`, with its path values set to 1."""
    return sorted({re.sub(r"<[^>]+>", "1", rule.rule) for rule in app.url_map.iter_rules()
                   if method in rule.methods and rule.rule not in SKIP and not rule.rule.startswith("/static")})


def _fields(client, url) -> set:
    page = client.get(url)
    if page.status_code != 200 or "text/html" not in page.content_type:
        return set(USUAL)
    return (set(re.findall(r'name="([^"]+)"', page.get_data(as_text=True))) | USUAL) - {"csrf_token"}


def _log_in(client, role, demo):
    assert client.post("/masuk", data={"username": role, "password": demo[role][0]}).status_code == 302


def _bodies(fields):
    """(what is sent, the value) of each try: a form and a JSON body per odd text, JSON bodies of other types."""
    forms = [({"data": dict.fromkeys(fields, value)}, value) for value in VALUES]
    return forms + [({"json": dict.fromkeys(fields, value)}, value) for value in VALUES + TYPED]


@pytest.mark.slow
@pytest.mark.parametrize("role", ["kasir", "manajer", "admin"])
def test_junk_in_every_form_is_refused_never_a_server_error(app, demo, role):
    client, errors = app.test_client(), []
    _log_in(client, role, demo)
    for url in _routes(app, "POST"):
        for body, value in _bodies(_fields(client, url)):
            response = answered(errors, f"{url} {value!r}", client.post, url, **body)
            if response is not None and "/masuk" in response.headers.get("Location", ""):
                _log_in(client, role, demo)  # an act that ended the session (a password change): go on
    assert errors == []


@pytest.mark.slow
@pytest.mark.parametrize("role", ["kasir", "manajer", "admin"])
def test_junk_in_every_page_address_is_refused_never_a_server_error(app, demo, role):
    client, errors = app.test_client(), []
    _log_in(client, role, demo)
    for url in _routes(app, "GET"):
        for value in QUERY_VALUES:
            answered(errors, f"{url} {value!r}", client.get, url, query_string=dict.fromkeys(QUERY_ARGS, value))
    assert errors == []
