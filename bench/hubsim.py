"""The hub on loopback for the benches and the load test: a fresh PostgreSQL database, gunicorn in its own
processes (never in the client's), shops enrolled through the API, a busy shop's records as the outbox
holds them, and simulated shops that send them with the runner's own retry rules."""
import contextlib
import gzip
import hashlib
import http.client
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid as uuidlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import requests
import sqlalchemy as sa

from posapp.database import uuid7
from posapp.wire import protocol

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
GUNICORN_CONF = ROOT / "deploy" / "hub" / "gunicorn.conf.py"
CURATED = 300  # SKU-000001 … SKU-000300 are curated OPOP items (a tenth of the lines)


def pg_reachable() -> bool:
    engine = sa.create_engine(PG_SERVER)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


@contextlib.contextmanager
def database(prefix="bench_hub"):
    """A new database with the hub's tables and a curated catalogue; dropped afterwards. Yields its URL."""
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuidlib.uuid4().hex[:8]}"
    with server.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        app = hub_app(url)
        from posapp.hub.extensions import db
        with app.app_context():
            db.create_all()
            _curate(db)
            db.engine.dispose()
        yield url
    finally:
        with server.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        server.dispose()


def hub_app(url, **config):
    from posapp.hub import create_app
    from posapp.hub.config import HubConfig
    values = {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench",
              "HUB_NOW": staticmethod(lambda: datetime.now(timezone.utc)), **config}
    return create_app(type("C", (HubConfig,), values))


def _curate(db):
    from posapp.hub.models import CuratedProduct
    now = datetime.now(timezone.utc)
    db.session.add_all(CuratedProduct(code=f"SKU-{n:06d}", name=f"Produk OPOP {n}", pesantren=f"PP {n % 40}",
                                      recommended_price=5_000, category="Umum", unit="pcs", version=1, active=True,
                                      feed_seq=0, updated_by="bench", updated_at=now) for n in range(1, CURATED + 1))
    db.session.commit()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(url, workers=4, threads=None, **env):
    """The hub served by gunicorn with deploy/hub/gunicorn.conf.py; yields its base URL. Its log goes to a
    file (a pipe nobody reads fills up and stops the workers mid-request); a server error in it fails the
    run that saw it."""
    port = free_port()
    environment = {**os.environ, "POSAPP_HUB_DATABASE_URL": url, "POSAPP_HUB_SECRET_KEY": "bench",
                   "POSAPP_HUB_BIND": f"127.0.0.1:{port}", "POSAPP_HUB_WORKERS": str(workers),
                   **({"POSAPP_HUB_THREADS": str(threads)} if threads else {}), **{k: str(v) for k, v in env.items()}}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)], cwd=ROOT,
                                   env=environment, stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base, process, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        if b"Traceback" in _tail(log, 10 ** 7):
            raise RuntimeError("the hub had a server error:\n" + _tail(log).decode(errors="replace"))


def _tail(log, size=4000) -> bytes:
    log.seek(0, os.SEEK_END)
    log.seek(max(0, log.tell() - size))
    return log.read()


def _wait_ready(base, process, log, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped: " + _tail(log).decode(errors="replace"))
        try:
            if requests.get(base + protocol.API + "/openapi.json", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def enrol(url, base, count, prefix="KOP", regencies=("Jombang", "Kediri", "Pasuruan", "Sumenep")):
    """Register `count` koperasi and enrol each through the API: [(key_id, secret)]."""
    from posapp.hub.extensions import db
    from posapp.hub.service import add_koperasi, issue_code
    app = hub_app(url)
    with app.app_context():
        codes = [issue_code(add_koperasi(f"{prefix}{n:04d}", f"Kopontren {n}", regencies[n % len(regencies)]))
                 for n in range(count)]
        db.session.commit()
        db.engine.dispose()
    keys = []
    for code in codes:
        answer = requests.post(base + protocol.API + "/enroll", json={"code": code}, timeout=30).json()
        keys.append((answer["key_id"], answer["secret"]))
    return keys


def payloads(count, seed=1, day0=date(2026, 1, 1), days=365):
    """A busy shop: sales of ~4 lines (a tenth curated) and the journal entry of each, over `days` days
    (a night's upload of 1,000 records is one day; a year's backlog spreads over the year)."""
    rng = random.Random(seed)
    for n in range(count):
        day = day0 + timedelta(days=n * days // count)
        lines = [{"sku": f"SKU-{rng.randrange(1, 3000):06d}", "name": "Produk OPOP", "qty": rng.randint(1, 3),
                  "unit_price": 5_000, "list_price": 5_000, "discount": 0, "total": 0, "unit_cost": 3_500}
                 for _ in range(4)]
        for line in lines:
            line["total"] = line["qty"] * line["unit_price"]
        total, sale_uuid = sum(line["total"] for line in lines), uuid7()
        yield "sale", sale_uuid, day, {"uuid": sale_uuid, "kind": "sale", "receipt_no": f"KOP01-{n:07d}",
                                       "business_date": day.isoformat(), "total": total, "lines": lines,
                                       "payments": [{"method": "tunai", "amount": total, "reference": ""}]}
        entry_uuid = uuid7()
        yield "journal_entry", entry_uuid, day, {"uuid": entry_uuid, "source_uuid": sale_uuid, "lines": [
            {"account": "1101", "debit": total, "credit": 0}, {"account": "4101", "debit": 0, "credit": total}]}


def recent(count_sales, per_day=500):
    """day0/days for a shop whose `count_sales` sales are its last days of ~`per_day` sales each."""
    days = max(1, count_sales // per_day)
    return {"day0": date.today() - timedelta(days=days - 1), "days": days}


def outbox_rows(count_sales, seed=1, **kw):
    """(seq, kind, uuid, day text, canonical payload text, sha256) as the shop's outbox holds them."""
    rows = []
    for seq, (kind, record_uuid, day, payload) in enumerate(payloads(count_sales, seed, **kw), start=1):
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        rows.append((seq, kind, record_uuid, day.isoformat(), text, hashlib.sha256(text.encode()).hexdigest()))
    return rows


def batch_bodies(rows, size=500, compress=True):
    """The uploader's batch bodies (gzip'd as the client sends them) of `rows`, `size` records each."""
    bodies = []
    for start in range(0, len(rows), size):
        chunk = rows[start:start + size]
        records = ",".join('{"seq":%d,"kind":"%s","uuid":"%s","business_date":"%s","sha256":"%s","payload":%s}'
                           % (seq, kind, u, day, sha, text) for seq, kind, u, day, text, sha in chunk)
        body = ('{"batch_id":"s%d-%d","from_seq":%d,"to_seq":%d,"records":[%s]}'
                % (chunk[0][0], chunk[-1][0], chunk[0][0], chunk[-1][0], records)).encode()
        bodies.append((chunk[0][0], chunk[-1][0], gzip.compress(body, 5) if compress else body))
    return bodies


class Counts:
    """What the simulated shops saw, across threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self.timeouts = self.busy = self.errors = 0

    def add(self, name):
        with self._lock:
            setattr(self, name, getattr(self, name) + 1)


class Poster:
    """Signed requests of one shop with a pre-gzip'd body; answers and errors exactly as HubClient's.

    A plain keep-alive http.client connection rather than requests: the simulated shops share the hub's two
    cores, and requests' own work per call (a real shop spends it on its own PC) would be counted against
    the hub. A connection the hub closed while idle is opened again once, as urllib3 does."""

    def __init__(self, base, key_id, secret, counts: Counts, timeout=30):
        self.key_id, self.secret, self.counts, self.timeout = key_id, secret, counts, timeout
        self.address = urllib.parse.urlsplit(base).netloc
        self.connection = None

    def request(self, method, path, body=b"", gzipped=False):
        from posapp.wire.client import HubUnreachable, _answer
        full = protocol.API + path
        stamp, nonce = str(int(time.time())), secrets.token_hex(16)
        headers = {"Content-Type": "application/json", protocol.HEADER_KEY: self.key_id,
                   protocol.HEADER_TIME: stamp, protocol.HEADER_NONCE: nonce,
                   protocol.HEADER_SIGNATURE: protocol.sign(self.secret, method, full, "", body, stamp, nonce)}
        if gzipped:
            headers["Content-Encoding"] = "gzip"
        try:
            response = self._send(method, full, body, headers)
        except (socket.timeout, TimeoutError) as exc:
            self.close()
            self.counts.add("timeouts")
            raise HubUnreachable("waktu habis") from exc
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            self.counts.add("errors")
            raise HubUnreachable("koneksi") from exc
        if response.status_code in (429, 503):
            self.counts.add("busy")
        return _answer(response)

    def _send(self, method, path, body, headers):
        reused = self.connection is not None
        if not reused:
            self.connection = http.client.HTTPConnection(self.address, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=body or None, headers=headers)
            return _Answer(self.connection.getresponse())
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if not reused:
                raise
            self.close()  # the hub closed it while idle (keep-alive ran out): once more on a new one
            return self._send(method, path, body, headers)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Answer:
    """An http.client response read whole, with what posapp.wire.client._answer looks at."""

    def __init__(self, response):
        self.status_code, self.headers, self.content = response.status, response.headers, response.read()

    def json(self):
        return json.loads(self.content)


def catch_up(poster, bodies, call, latencies=None, lock=None):
    """One shop's upload like posapp/sync/runner.upload: ask the cursor, then each batch after it in turn;
    `call` is the runner's `retrying` (backoff, Retry-After honoured). Returns the seconds it took."""
    with poster:
        return _catch_up(poster, bodies, call, latencies, lock)


def _catch_up(poster, bodies, call, latencies, lock):
    started = time.perf_counter()
    last = int(call(lambda: poster.request("GET", "/sync/cursor"))["last_seq"])
    for first, to_seq, body in bodies:
        if to_seq <= last:
            continue
        sent = time.perf_counter()
        call(lambda: poster.request("POST", "/sync/batches", body, gzipped=True))
        if latencies is not None:
            with lock:
                latencies.append(time.perf_counter() - sent)
    return time.perf_counter() - started


def stored_records(url) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM hub_record")).scalar()
    engine.dispose()
    return count


def storage_bytes(url) -> dict:
    """Bytes on disk (heap, TOAST and indexes) of the records, the key table and the sums."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        parts = conn.execute(sa.text(
            "SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits "
            "WHERE inhparent = 'hub_record'::regclass")).scalar()
        sizes = {"hub_record": int(parts)}
        for table in ("hub_record_key", "hub_daily", "hub_product_daily", "hub_samsat_payment"):
            sizes[table] = int(conn.execute(sa.text(f"SELECT pg_total_relation_size('{table}')")).scalar())
    engine.dispose()
    return sizes
