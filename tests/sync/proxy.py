"""A small TCP proxy on loopback that can cut a connection the way a bad link or a dying hub does."""
import socket
import threading

MARK = b"POST /api/v1/sync/batches"


class FaultyProxy:
    """Forwards to `upstream`; `fail_next(mode)` breaks the next batch upload once.

    Modes: "cut_body" (the request stops half-way through its body), "drop_answer" (the hub gets
    the whole batch and answers, the answer never arrives), "refuse" (every connection is closed at once,
    until `heal()`).
    """

    def __init__(self, upstream_port):
        self.upstream = ("127.0.0.1", upstream_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.mode, self.refusing, self.faults_done = None, False, 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, mode):
        self.mode = mode

    def refuse(self):
        self.refusing = True

    def heal(self):
        self.refusing, self.mode = False, None

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

    def _take(self):
        with self.lock:
            mode, self.mode = self.mode, None
            return mode

    def _serve(self, client):
        upstream = socket.create_connection(self.upstream)
        state = {"armed": None, "seen": b""}
        threading.Thread(target=self._back, args=(upstream, client, state), daemon=True).start()
        try:
            while data := client.recv(65536):
                state["seen"] = (state["seen"] + data)[-200_000:]
                if state["armed"] is None and MARK in state["seen"]:
                    state["armed"] = self._take() or "pass"
                if state["armed"] == "cut_body" and b"\r\n\r\n" in state["seen"][state["seen"].find(MARK):]:
                    start = state["seen"].find(MARK)
                    head_end = state["seen"].find(b"\r\n\r\n", start) + 4
                    keep = len(data) - (len(state["seen"]) - head_end) + 200  # headers and 200 body bytes
                    upstream.sendall(data[:max(keep, 0)])
                    self.faults_done += 1
                    break
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, upstream)

    def _back(self, upstream, client, state):
        try:
            while data := upstream.recv(65536):
                if state["armed"] == "drop_answer":
                    self.faults_done += 1
                    break  # the hub committed and answered; the answer is lost
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client, upstream)


def _close(*sockets):
    for sock in sockets:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()
