"""The morning after an outage: 100, then 300 shops catch up on three nights at once against the hub under
gunicorn (loopback). Each simulated shop does what posapp/sync/runner.py does (cursor, then its batches of
1,000 in turn, retrying with the runner's own backoff, Retry-After honoured) with the shops' 30 s timeout.
Reported: records stored against records sent, client timeouts, 429/503 answers, runs that gave up, and each
shop's catch-up time (median, p95, max). Bounded: every shop stops after RUNS runs or DEADLINE seconds."""
import os
import threading
import time

from bench import hubsim
from bench.common import make_app, percentile

NIGHTS_OF_SALES = int(os.environ.get("BENCH_LOAD_SALES", 1500))  # three nights of ~500 sales (1,000 records)
RUNS, DEADLINE = 5, 900


def run(report):
    if not hubsim.pg_reachable():
        print("hub load bench skipped: PostgreSQL not reachable at 127.0.0.1:5432")
        return
    for shops in (100, 300):
        result = catch_up_at_once(shops, NIGHTS_OF_SALES)
        prefix = f"hub_catch_up_{shops}_shops"
        report(f"{prefix}_stored", result["stored"], "records", result["sent"])
        report(f"{prefix}_client_timeouts", result["timeouts"], "timeouts")
        report(f"{prefix}_busy_answers", result["busy"], "429/503")
        report(f"{prefix}_runs_given_up", result["given_up"], "runs")
        for name, value in (("median", 50), ("p95", 95), ("max", 100)):
            report(f"{prefix}_time_{name}", percentile(result["times"], value), "s")
        report(f"{prefix}_rows_per_s", result["sent"] / result["elapsed"], "rows/s")


def catch_up_at_once(shops: int, sales: int, workers=4, **hub_env) -> dict:
    """Start a hub, enrol `shops`, and let all of them catch up on `sales` sales at the same moment."""
    shop_app, _ = make_app()
    with hubsim.database("bench_load") as url, hubsim.gunicorn(url, workers=workers, **hub_env) as base:
        keys = hubsim.enrol(url, base, shops)
        bodies = [hubsim.batch_bodies(hubsim.outbox_rows(sales, seed=n, **hubsim.recent(sales)), size=1000)
                  for n in range(shops)]
        counts, times, given_up, lock = hubsim.Counts(), [None] * shops, [0], threading.Lock()
        start = threading.Event()

        def shop(index):
            from posapp.sync.runner import retrying
            from posapp.wire.client import HubUnreachable
            poster = hubsim.Poster(base, *keys[index], counts)
            with shop_app.app_context():
                start.wait()
                began = time.perf_counter()
                for _ in range(RUNS):  # the runner gives up after its attempts; the next run starts again
                    try:
                        hubsim.catch_up(poster, bodies[index], retrying())
                        times[index] = time.perf_counter() - began
                        return
                    except HubUnreachable:
                        with lock:
                            given_up[0] += 1
                        if time.perf_counter() - began > DEADLINE:
                            return
                        time.sleep(5)
        threads = [threading.Thread(target=shop, args=(i,)) for i in range(shops)]
        for thread in threads:
            thread.start()
        began = time.perf_counter()
        start.set()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        return {"sent": sum(2 * sales for _ in range(shops)), "stored": hubsim.stored_records(url),
                "timeouts": counts.timeouts, "busy": counts.busy, "errors": counts.errors, "given_up": given_up[0],
                "times": [t for t in times if t is not None], "unfinished": times.count(None), "elapsed": elapsed}
