"""`python run.py` on a fresh machine: instance folder, SQLite with the right pragmas, migrations, backup."""
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(bool(os.environ.get("POSAPP_TEST_PG_URL")), reason="memulai SQLite bawaan")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(instance, port):
    env = dict(os.environ, POSAPP_INSTANCE_PATH=str(instance))
    env.pop("POSAPP_DATABASE_URL", None)
    return subprocess.Popen([sys.executable, "run.py", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _first_answer(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(NoRedirect)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read().decode())
        try:
            answer = opener.open(f"http://127.0.0.1:{port}/")
        except urllib.error.HTTPError as refused:  # the 302 to /setup arrives as an HTTPError here
            answer = refused
        except OSError:
            time.sleep(0.2)
            continue
        with answer:
            return answer.status, answer.headers.get("Location", "")
    raise AssertionError("run.py did not answer")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _stop(process):
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()


def test_first_start_serves_setup_on_a_migrated_wal_database_and_backs_up_on_restart(tmp_path):
    instance = tmp_path / "instance"
    port = _free_port()
    process = _start(instance, port)
    try:
        status, location = _first_answer(port, process)
        assert status == 302 and location.endswith("/setup")
    finally:
        _stop(process)
    database = instance / "posapp.db"
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert conn.execute("SELECT count(*) FROM user").fetchone()[0] == 0
    conn.close()
    process = _start(instance, port)
    try:
        _first_answer(port, process)
    finally:
        _stop(process)
    assert [p.name for p in (instance / "backups").iterdir() if p.name.endswith("-start.db")]
