"""The shared wire rules, without an app."""
import random

from posapp.hub.validate import payload_sha256 as hub_sha256
from posapp.wire import protocol
from posapp.wire.outbox import payload_sha256 as shop_sha256


def test_signature_covers_every_part():
    parts = ("POST", "/api/v1/sync/batches", "b=2&a=1", b"{}", "1700000000", "nonce")
    signature = protocol.sign("s3cret", *parts)
    assert protocol.verify("s3cret", signature, "POST", "/api/v1/sync/batches", "a=1&b=2", b"{}", "1700000000",
                           "nonce")
    for index, other in enumerate(("GET", "/api/v1/x", "a=2", b"{ }", "1700000001", "other")):
        changed = list(parts)
        changed[index] = other
        assert not protocol.verify("s3cret", signature, *changed)
    assert not protocol.verify("lain", signature, *parts)


def test_backoff_is_full_jitter_and_capped():
    rng = random.Random(1)
    delays = [protocol.backoff_delay(attempt, 2, 600, rng) for attempt in range(20) for _ in range(20)]
    assert all(0 <= d <= 600 for d in delays) and max(delays) > 300
    assert all(protocol.backoff_delay(0, 2, 600, rng) <= 2 for _ in range(50))


def test_only_connection_errors_429_and_5xx_are_retried():
    assert [protocol.retryable(s) for s in (None, 429, 500, 503, 400, 403, 409, 422)] == \
           [True, True, True, True, False, False, False, False]


def test_hub_and_shop_hash_payloads_alike():
    payload = {"b": 1, "a": "Kopi Jahe – Sidogiri", "lines": [{"qty": 2}]}
    assert hub_sha256(payload) == shop_sha256(payload)


def test_reconcile_amounts():
    assert protocol.record_amount("sale", {"total": 40_000}) == 40_000
    assert protocol.record_amount("journal_entry", {"lines": [{"debit": 5, "credit": 0}, {"debit": 0}]}) == 5
    assert protocol.record_amount("shift_close", {"note": "x"}) == 0


def test_nightly_offsets_spread_shops_over_the_window():
    offsets = {protocol.nightly_offset_minutes(f"KOP{n:04d}", 60) for n in range(600)}
    assert len(offsets) == 60 and protocol.nightly_offset_minutes("KOP0001", 60) == \
        protocol.nightly_offset_minutes("KOP0001", 60)
