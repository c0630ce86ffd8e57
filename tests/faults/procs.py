"""Processes for the fault suite: the shop server (run.py, waitress), the hub (gunicorn), killed with SIGKILL."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process in its own process group (so SIGKILL takes its workers too), restartable."""

    def __init__(self, argv, env, ready_url, log_path):
        self.argv, self.env, self.ready_url, self.log_path = argv, env, ready_url, log_path
        self.process, self.kills, self.starts = None, 0, 0

    def start(self, timeout=60):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.argv, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        log.close()
        self.starts += 1
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.argv[:3]} ended:\n{Path(self.log_path).read_text()[-3000:]}")
            try:
                requests.get(self.ready_url, timeout=2, allow_redirects=False)
                return self
            except requests.RequestException:
                time.sleep(0.1)
        raise AssertionError(f"{self.argv[:3]} did not answer in {timeout} s")

    def kill(self):
        """SIGKILL the whole process group: no shutdown handler, no flush, like a power cut."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
            self.kills += 1

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


def shop_server(instance: Path, log_path) -> Server:
    """`python run.py --port N` on the instance folder's SQLite database."""
    port = free_port()
    env = dict(os.environ, POSAPP_INSTANCE_PATH=str(instance))
    env.pop("POSAPP_DATABASE_URL", None)
    return Server([sys.executable, "run.py", "--port", str(port), "--threads", "4"], env,
                  f"http://127.0.0.1:{port}/masuk", log_path)


def hub_server(database_url: str, instance: Path, log_path, access_log) -> Server:
    """The hub under gunicorn (two workers) on PostgreSQL, as in production."""
    port = free_port()
    env = dict(os.environ, POSAPP_HUB_DATABASE_URL=database_url, POSAPP_HUB_SECRET_KEY="fault-suite")
    app = f"posapp.hub:create_app(instance_path={str(instance)!r})"
    return Server([sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "30",
                   "--access-logfile", str(access_log), "--access-logformat", "%(s)s %(r)s", app], env,
                  f"http://127.0.0.1:{port}/api/v1/openapi.json", log_path)


def port_of(server: Server) -> int:
    return int(server.ready_url.split(":")[2].split("/")[0])


def report(name: str, counts: dict, tmp_path_factory) -> str:
    """Print the counts (seen with -s) and append them to POSAPP_FAULT_SUMMARY (CI prints that file) or to
    faults-summary.jsonl in pytest's temporary folder."""
    line = f"FAULT SUITE {name}: " + ", ".join(f"{k}={v}" for k, v in counts.items())
    print("\n" + line)
    target = os.environ.get("POSAPP_FAULT_SUMMARY")
    if not target:
        base = tmp_path_factory.getbasetemp()
        target = (base.parent if base.name.startswith("popen-gw") else base) / "faults-summary.jsonl"
    with open(target, "a", encoding="utf-8") as out:
        out.write(json.dumps({"suite": name, **counts}) + "\n")
    return line
