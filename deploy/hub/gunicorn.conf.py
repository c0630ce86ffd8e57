"""Sample gunicorn configuration of the provincial hub (`pip install ".[hub]"`):

    POSAPP_HUB_DATABASE_URL=postgresql+psycopg://hub@db/posapp_hub gunicorn -c deploy/hub/gunicorn.conf.py

Worker class gthread: a request waiting for an admission slot (posapp/hub/admission.py) is a cheap
blocked thread, so `threads` is well above HUB_API_SLOTS; only the slots hold a database connection.
A connection beyond `threads` would wait inside gunicorn where the admission queue cannot see it, so
threads × workers covers the shops that may arrive at once (300 after an outage: 4 × 100).
The pool of each worker is HUB_API_SLOTS + HUB_POOL_OVERFLOW connections, so

    workers × (HUB_API_SLOTS + HUB_POOL_OVERFLOW) ≤ max_connections − superuser_reserved_connections − spare

and the hub refuses to start when it does not hold (on_starting below). With PostgreSQL's default
max_connections = 100: 4 workers × (1 + 2) = 12 connections, room for cron jobs, psql and a replica.
One slot per worker (the default): the upload is CPU work in Python, so worker processes, not threads,
use the cores.
"""
import multiprocessing
import os

wsgi_app = "posapp.hub:create_app()"
bind = os.environ.get("POSAPP_HUB_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("POSAPP_HUB_WORKERS", min(2 * multiprocessing.cpu_count(), 8)))
worker_class = "gthread"
threads = int(os.environ.get("POSAPP_HUB_THREADS", 100))  # ≥ the shops one worker may hold at once (see above)
worker_connections = 1000        # keep-alive connections one worker holds (300 shops at once fit)
backlog = 2048
keepalive = 5                     # a shop sends its batches one after another on one connection
timeout = 60                      # a worker silent this long is restarted (a request itself ends well before)
graceful_timeout = 30
max_requests = 20000              # recycle workers now and then (memory), with jitter so not all at once
max_requests_jitter = 2000
# HTTPS (sync.md): usually the province's reverse proxy ends TLS in front of gunicorn; without one, gunicorn
# serves TLS itself from these files (certificate chain and key, PEM)
certfile = os.environ.get("POSAPP_HUB_CERTFILE") or None
keyfile = os.environ.get("POSAPP_HUB_KEYFILE") or None
accesslog = os.environ.get("POSAPP_HUB_ACCESS_LOG")  # None: off (6,000 shops × batches is a lot of lines)
SPARE_CONNECTIONS = 10            # cron (create-partitions), psql, a replication slot


def on_starting(server):
    """Refuse to start when the workers' pools could exceed the server's max_connections."""
    from posapp.hub.config import connection_budget
    needed, available = connection_budget(server.cfg.workers, SPARE_CONNECTIONS)
    if available is None:
        server.log.warning("Tidak bisa membaca max_connections; lewati pemeriksaan koneksi.")
    elif needed > available:
        raise SystemExit(f"workers × (HUB_API_SLOTS + HUB_POOL_OVERFLOW) = {needed} koneksi, "
                         f"PostgreSQL hanya menyisakan {available}: kurangi workers atau slot.")
    else:
        server.log.info("Koneksi database: %s dari %s yang tersedia.", needed, available)


def post_worker_init(worker):
    """The app is loaded: freeze its long-lived objects (Flask's, SQLAlchemy's) out of the garbage collector's
    sight, so a full collection, which a batch's thousands of new objects trigger now and then, no longer
    walks them all."""
    import gc
    gc.freeze()
