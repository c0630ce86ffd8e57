"""The province sees refused records (shop, seq, uuid, kind, reason, detail, what was sent) on "Karantina"."""
import pytest

from .helpers import batch, body, record
from .test_admin_cli import _admin


def _send_poison(hub_key):
    poison = record(2, payments=[{"method": "qris", "amount": 10_000, "reference": "QR\u0000123<b>"}])
    hub_key.post("/sync/batches", body=body(batch([record(1), poison, record(3)])))
    return poison


def test_refused_records_are_listed_with_reason_detail_and_payload(hub_app, hub, hub_key):
    poison = _send_poison(hub_key)
    client = _admin(hub_app, hub)
    page = client.get("/karantina").get_data(as_text=True)
    for text in ("KOP01", poison["uuid"], "bad_text", "teks berisi karakter yang tidak bisa disimpan",
                 "payload.payments[0].reference", "QR\\u0000123&lt;b&gt;"):
        assert text in page
    assert "<b>" not in page.split("<pre>")[1]  # what a shop sent is shown as text, never as markup
    assert poison["uuid"] in client.get("/karantina?toko=KOP01&kode=bad_text").get_data(as_text=True)
    assert poison["uuid"] not in client.get("/karantina?toko=KOP99").get_data(as_text=True)
    assert poison["uuid"] not in client.get("/karantina?kode=conflict").get_data(as_text=True)
    home = client.get("/").get_data(as_text=True)
    assert "/karantina?toko=KOP01" in home


@pytest.mark.parametrize("path", ["/karantina?hal=99999999999999999999999&toko=%00&kode=%00",
                                  "/total?hari=99999999999999999999", "/total?hari=%C2%B2",
                                  "/kendaraan?hal=99999999999999999999&plat=%00", "/katalog?hal=-3&q=%00"])
def test_admin_pages_take_junk_arguments(hub_app, hub, path):
    assert _admin(hub_app, hub).get(path).status_code == 200


def test_quarantine_needs_a_login(hub_app):
    response = hub_app.test_client().get("/karantina")
    assert response.status_code == 302 and "/masuk" in response.location
