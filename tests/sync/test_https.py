"""The shop and the hub over HTTPS (sync.md: JSON over HTTPS): a hub whose certificate the shop trusts takes
the night's records; one it cannot trust (a self-made certificate, or the PC's clock years off) gets nothing,
and the page says why instead of "no connection"."""
import ssl

import pytest
import trustme

from posapp.extensions import db
from posapp.sync.runner import run_sync
from posapp.wire.hub_calls import EnrolRefused, enrol
from posapp.wire.outbox import pending_count
from tests.hub.conftest import serve


@pytest.fixture
def province_ca():
    return trustme.CA()


@pytest.fixture
def https_hub(hub_app, province_ca):
    """The hub on a loopback port behind TLS with a certificate from the province's own CA."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    province_ca.issue_cert("127.0.0.1").configure_cert(context)
    yield from serve(hub_app, context)


@pytest.fixture
def fast_retries(app):
    app.config.update(SYNC_BACKOFF_BASE=0.01, SYNC_BACKOFF_CAP=0.05, SYNC_MAX_ATTEMPTS=2, SYNC_TIMEOUT=10,
                      SYNC_FAULTS={})


def test_a_shop_that_trusts_the_provinces_ca_syncs_over_https(app, fast_retries, https_hub, province_ca,
                                                              make_koperasi, make_records, hub_holds, tmp_path,
                                                              monkeypatch):
    bundle = tmp_path / "provinsi-ca.pem"
    province_ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))  # what the README tells a shop with the province's CA
    _, code = make_koperasi()
    enrol(https_hub, code)
    db.session.commit()
    made = make_records(3)

    outcome = run_sync()

    assert outcome["ok"], outcome
    assert set(hub_holds()) == {row.uuid for row in made}
    assert pending_count() == 0


def test_enrolling_at_a_hub_the_shop_cannot_trust_is_refused_with_the_reason(app, https_hub, make_koperasi):
    _, code = make_koperasi()  # no CA bundle: the province's CA is not among the PC's trusted ones

    with pytest.raises(EnrolRefused) as refused:
        enrol(https_hub, code)

    assert "sertifikat HTTPS" in str(refused.value) and "jam komputer" in str(refused.value)
    assert refused.value.field == "hub_url"


def test_a_sync_to_a_hub_no_longer_trusted_sends_nothing_and_says_why(app, fast_retries, https_hub, province_ca,
                                                                     make_koperasi, make_records, hub_holds,
                                                                     tmp_path, monkeypatch):
    bundle = tmp_path / "provinsi-ca.pem"
    province_ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    _, code = make_koperasi()
    enrol(https_hub, code)
    db.session.commit()
    make_records(2)
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")  # e.g. the bundle file was removed from the PC

    outcome = run_sync()

    assert not outcome["ok"] and "sertifikat HTTPS" in outcome["message"], outcome
    assert hub_holds() == {} and pending_count() == 2
