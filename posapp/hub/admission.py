"""Admission control: a worker runs at most HUB_API_SLOTS API requests at once (one database connection
each); a request waits for a slot only while the queue ahead of it can be worked off within
HUB_QUEUE_BUDGET seconds, well inside the shops' HUB_SHOP_TIMEOUT. Beyond that it is answered at once
with 429 and a Retry-After of about the time the queue needs, spread so refused shops do not return
together; the connection is closed so the shop comes back to whichever worker is free.
Work a shop would time out on is never started: a timed-out batch is wasted work on both ends.
"""
import math
import random
import threading
import time

from flask import current_app, g, jsonify

FIRST_GUESS = 0.2  # seconds per request before any was measured


class Gate:
    """Slots, the requests inside (running or waiting) and a moving average of one request's seconds."""

    def __init__(self, slots: int, budget: float, retry_cap: int):
        self.slots, self.budget, self.retry_cap = slots, budget, retry_cap
        self._free = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self.inside, self.seconds, self.refused = 0, FIRST_GUESS, 0

    def wait_for(self, inside: int) -> float:
        """Expected seconds a newcomer waits for a slot with `inside` requests ahead of it."""
        return max(0, inside - self.slots + 1) / self.slots * self.seconds

    def enter(self) -> float | None:
        """Take a slot (waiting within the budget) and return the time it was taken, or None: refused."""
        with self._lock:
            if self.wait_for(self.inside) > self.budget:
                self.refused += 1
                return None
            self.inside += 1
        if self._free.acquire(timeout=self.budget):
            return time.perf_counter()
        with self._lock:  # the estimate was too kind: refuse rather than start late
            self.inside -= 1
            self.refused += 1
        return None

    def leave(self, started: float) -> None:
        spent = time.perf_counter() - started
        self._free.release()
        with self._lock:
            self.inside -= 1
            self.seconds = 0.9 * self.seconds + 0.1 * spent

    def retry_after(self) -> int:
        """About the time the queue needs to drain, times 1 to 2 (at random), in whole seconds."""
        drain = (self.inside / self.slots + 1) * self.seconds
        return max(1, min(self.retry_cap, math.ceil(drain * (1 + random.random()))))


def init_app(app) -> None:
    """One gate per worker process (the API blueprint calls `admit` and `release` around each request)."""
    config = app.config
    app.extensions["hub_gate"] = Gate(config["HUB_API_SLOTS"], config["HUB_QUEUE_BUDGET"],
                                      config["HUB_RETRY_AFTER_MAX"])


def gate() -> Gate:
    return current_app.extensions["hub_gate"]


def admit():
    started = gate().enter()
    if started is None:
        return busy()
    g.hub_slot = started
    return None


def release(_error=None):
    started = g.pop("hub_slot", None)
    if started is not None:
        gate().leave(started)


def busy(status: int = 429):
    """429 (or 503) with Retry-After; the shop's runner waits at least that long before it sends again."""
    from .security import hub_now
    seconds = gate().retry_after()
    response = jsonify({"error": "busy", "message": "Server provinsi sedang penuh; coba lagi sebentar lagi.",
                        "retry_after": seconds, "server_time": hub_now().isoformat()})
    response.status_code = status
    response.headers["Retry-After"] = str(seconds)
    response.headers["Connection"] = "close"
    return response
