"""Admission control under a burst, end to end: shops catching up at once on a hub served by gunicorn in its
own processes. With few slots and a short queue budget the hub must say 429 (Retry-After) instead of letting
work run into the shops' timeout, the shops must come back as told, and in the end every record is stored.
The full 100- and 300-shop runs are `python -m bench hub_load`."""
import pytest

pytest.importorskip("gunicorn")


@pytest.mark.slow
def test_a_burst_of_shops_is_admitted_or_told_to_wait_and_every_record_arrives(hub_database):
    from bench import hub_load
    # one slot per worker and a queue budget of a third of a second (a third of a 1 s "shop timeout"): a
    # burst of 30 shops overflows it at once, however fast the machine (15 batches of 1,000 records queue
    # at each worker); the shops' own client timeout stays 30 s
    result = hub_load.catch_up_at_once(30, 500, workers=2, POSAPP_HUB_API_SLOTS=1, POSAPP_HUB_SHOP_TIMEOUT=1)
    assert result["stored"] == result["sent"] == 30 * 1000
    assert result["timeouts"] == 0 and result["unfinished"] == 0
    assert result["busy"] > 0  # the hub did refuse work it could not start in time …
    print(f"catch-up s: min {min(result['times']):.1f} max {max(result['times']):.1f}; 429/503: {result['busy']}")
