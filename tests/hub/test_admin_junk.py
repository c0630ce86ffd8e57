"""Every page and form of the hub's admin site, given junk by a logged-in admin, answers without a server
error (the API has its own, schemathesis-driven test)."""
import re

from tests.junk import answered

from .test_admin_cli import _admin

VALUES = ["", "-1", "abc", "9" * 30, "2026-13-45", "1e9", " ", "null"]
ARGS = ("page", "q", "kab", "hari", "status", "dari", "sampai", "tanggal", "plate", "shop", "kind", "code")
FIELDS = ("code", "name", "regency", "username", "password", "status", "file", "plate", "note", "q")


def _routes(app, method):
    return sorted({re.sub(r"<[^>]+>", "1", rule.rule) for rule in app.url_map.iter_rules()
                   if method in rule.methods and not rule.rule.startswith(("/static", "/api/", "/keluar", "/masuk"))})


def test_junk_in_every_admin_page_and_form_is_refused_never_a_server_error(hub_app, hub, make_koperasi):
    make_koperasi()
    client, errors = _admin(hub_app, hub), []
    for url in _routes(hub_app, "GET"):
        for value in VALUES:
            answered(errors, f"GET {url} {value!r}", client.get, url, query_string=dict.fromkeys(ARGS, value))
    for url in _routes(hub_app, "POST"):
        for value in VALUES:
            answered(errors, f"POST {url} {value!r}", client.post, url, data=dict.fromkeys(FIELDS, value))
    assert errors == []
