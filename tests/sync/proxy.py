"""A loopback HTTP proxy that breaks requests and replies the way a bad link, a gateway or a dying hub does.

It reads each request whole, then applies the next planned fault for that path (or a random one in
chaos mode), and forwards to the hub on a fresh connection. Modes:

  cut_body        the request stops half-way through its body (the hub never sees all of it)
  drop_answer     the hub gets the whole request and answers; the answer never arrives
  truncate_answer the answer stops half-way (the connection closes under the declared length)
  short_answer    half the answer, its Content-Length rewritten to match (arrives "complete", unreadable)
  empty_answer    the hub answers, the shop gets an empty 200
  garbage_answer  the hub answers, the shop gets a 200 HTML page (a captive portal, a proxy's error page)
  duplicate       the request reaches the hub twice; the shop gets the second answer (401 replayed_nonce)
  delay           the request waits `delay` seconds before it is forwarded
  reset           the connection is reset (RST) before anything is forwarded
  reset_after     the hub gets the request and answers; then the connection is reset
  status_500 / status_502 / status_503 / status_429   answered by the proxy itself, not forwarded
  gateway_502     forwarded (the hub commits), then a 502 from the "gateway" instead of the answer
  refuse          (refuse()/heal()) every connection is closed at once
"""
import random
import socket
import struct
import threading
import time
from collections import Counter

BATCHES = "/api/v1/sync/batches"
MODES = ("cut_body", "drop_answer", "truncate_answer", "short_answer", "empty_answer", "garbage_answer",
         "duplicate", "delay", "reset", "reset_after", "status_500", "status_502", "status_503", "status_429",
         "gateway_502")


class FaultyProxy:
    def __init__(self, upstream_port, delay=0.3):
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.planned, self.refusing, self.delay = [], False, delay
        self.chaos, self.rng, self.retry_after = 0.0, random.Random(0), 1
        self.done, self.requests = Counter(), 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def faults_done(self) -> int:
        return sum(self.done.values())

    def fail_next(self, mode, path=BATCHES, times=1):
        """Break the next `times` requests whose path starts with `path`."""
        assert mode in MODES, mode
        with self.lock:
            self.planned += [(mode, path)] * times

    def set_chaos(self, probability, seed=0):
        """From now on each request gets a random fault with this probability."""
        self.chaos, self.rng = probability, random.Random(seed)

    def refuse(self):
        self.refusing = True

    def heal(self):
        with self.lock:
            self.refusing, self.planned, self.chaos = False, [], 0.0

    def close(self):
        self.listener.close()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _take(self, path):
        with self.lock:
            self.requests += 1
            for index, (mode, prefix) in enumerate(self.planned):
                if path.startswith(prefix):
                    return self.planned.pop(index)[0]
            if self.chaos and self.rng.random() < self.chaos:
                return self.rng.choice(MODES)
        return None

    def _serve(self, client):
        try:
            while request := read_message(client, request=True):
                head, body = request
                mode = self._take(head.split(b" ", 2)[1].decode("latin-1"))
                if mode:
                    self.done[mode] += 1
                if not self._one(client, mode, head, body):
                    break
        except OSError:
            pass
        finally:
            client.close()

    def _one(self, client, mode, head, body) -> bool:
        """Handle one request; False when the client connection is finished."""
        if mode == "reset":
            return _reset(client)
        if mode and mode.startswith("status_"):
            client.sendall(canned(int(mode[7:]), self.retry_after))
            return True
        if mode == "delay":
            time.sleep(self.delay)
        if mode == "cut_body":
            forward(self.upstream, head + body[:max(len(body) // 2, 1)], wait=False)
            return False
        answer = forward(self.upstream, head + body)
        if mode == "duplicate":
            answer = forward(self.upstream, head + body) or answer
        if answer is None or mode == "drop_answer":
            return False
        if mode == "reset_after":
            return _reset(client)
        client.sendall(damaged(mode, answer))
        return mode != "truncate_answer"


def damaged(mode, answer: bytes) -> bytes:
    head, _, body = answer.partition(b"\r\n\r\n")
    if mode == "truncate_answer":
        return head + b"\r\n\r\n" + body[:len(body) // 2]
    if mode == "short_answer":
        return with_body(head, body[:len(body) // 2])
    if mode == "empty_answer":
        return with_body(b"HTTP/1.1 200 OK\r\nContent-Type: application/json", b"")
    if mode == "garbage_answer":
        return with_body(b"HTTP/1.1 200 OK\r\nContent-Type: text/html", b"<html><body>Login Wi-Fi</body></html>")
    if mode == "gateway_502":
        return canned(502, 0)
    return answer


def with_body(head: bytes, body: bytes) -> bytes:
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"content-length:")]
    return b"\r\n".join(lines) + b"\r\nContent-Length: %d\r\n\r\n" % len(body) + body


def canned(status: int, retry_after: int) -> bytes:
    reason = {429: b"Too Many Requests", 500: b"Internal Server Error", 502: b"Bad Gateway",
              503: b"Service Unavailable"}[status]
    extra = b"\r\nRetry-After: %d" % retry_after if status in (429, 503) else b""
    body = b'{"error": "busy"}' if status == 429 else b"<html>" + reason + b"</html>"
    return with_body(b"HTTP/1.1 %d %s%s" % (status, reason, extra), body)


def forward(upstream, data: bytes, wait=True):
    """Send one request on a fresh connection; the whole answer (bytes) or None when it died."""
    try:
        with socket.create_connection(upstream, timeout=30) as sock:
            sock.sendall(data)
            if not wait:
                return None
            answer = read_message(sock, request=False)
    except OSError:
        return None
    return answer[0] + answer[1] if answer else None


def read_message(sock, request: bool):
    """(head with its blank line, body) of one HTTP message with a Content-Length, or None at EOF."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if not request and b"content-length" not in head.lower():
        length = None  # read to the end
    while length is None or len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            if length is None:
                break
            return None
        rest += chunk
    return head + b"\r\n\r\n", rest


def _reset(client) -> bool:
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return False
