"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a build's store.

The endpoint is Oxigraph's own server (the ``oxigraph`` package from PyPI, the same
version as ``pyoxigraph``), run as ``oxigraph serve-read-only`` (or ``serve`` when
writable) on a private loopback port, with the union of the named graphs as its default
graph. In front of it, :class:`SparqlServer` is a thin gateway that adds what the
Oxigraph server lacks:

* a hard query timeout: Oxigraph's ``--timeout-s`` is passed on, but it only cancels a
  query that is streaming results, not one still sorting or aggregating; when no answer
  came in time the gateway answers ``503`` and restarts the Oxigraph process, which ends
  the runaway query;
* a result-size limit (bytes; ``413`` beyond it);
* refusal of updates and of Graph Store writes unless writable (``403``), and of
  federated ``SERVICE`` calls unless allowed, as in ``kg query``;
* CORS headers for browser clients, and one log line per query with its time.

Examples
--------
>>> with SparqlServer("build/", port=0) as server:  # doctest: +SKIP
...     print(server.url)
http://127.0.0.1:54321/query
"""

from __future__ import annotations

import http.client
import http.server
import logging
import math
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from urllib.parse import parse_qs, urlsplit

from kg.errors import Errors, KGError

__all__ = ["SparqlServer", "oxigraph_binary"]

log = logging.getLogger(__name__)

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
    "Access-Control-Max-Age": "86400",
}
_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


def oxigraph_binary() -> Path:
    """The ``oxigraph`` server program installed with the package.

    Raises
    ------
    kg.errors.KGError
        [E212] it is not installed.
    """
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("oxigraph")
    if found is None:
        raise KGError(Errors.E212.format(reason="the oxigraph program is not installed"))
    return Path(found)


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class SparqlServer:
    """The endpoint: Oxigraph's server behind a gateway (see the module doc).

    Parameters
    ----------
    path
        A build folder (its ``store/``) or a store folder.
    host, port
        Where to listen; ``127.0.0.1`` by default, ``port=0`` picks a free port.
    writable
        Accept SPARQL updates and Graph Store writes (read-only by default).
    timeout
        Seconds a query may run before it is cut.
    max_result_bytes
        Largest answer sent; a larger one is refused with ``413``.
    allow_service
        Let queries call other endpoints with ``SERVICE``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        writable: bool = False,
        timeout: float = 30.0,
        max_result_bytes: int = 50_000_000,
        allow_service: bool = False,
    ) -> None:
        from kg.rdf.store import find_store

        store = find_store(path)
        if store is None:
            raise KGError(Errors.E209.format(path=path, reason="no Oxigraph store there"))
        self.store = store
        self.host, self.port = host, port
        self.writable, self.timeout = writable, timeout
        self.max_result_bytes, self.allow_service = max_result_bytes, allow_service
        self._backend: subprocess.Popen[bytes] | None = None
        self._backend_port = 0
        self._lock = threading.Lock()
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- the Oxigraph process ---------------------------------------------------------

    def _start_backend(self) -> None:
        self._backend_port = _free_port("127.0.0.1")
        command = [
            str(oxigraph_binary()),
            "serve" if self.writable else "serve-read-only",
            "--location",
            str(self.store),
            "--bind",
            f"127.0.0.1:{self._backend_port}",
            "--union-default-graph",
            "--timeout-s",
            str(max(1, math.ceil(self.timeout))),
        ]
        self._backend = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self._backend.poll() is not None:
                error = (self._backend.stderr.read() if self._backend.stderr else b"").decode()
                raise KGError(Errors.E212.format(reason=" ".join(error.split()) or "it exited"))
            try:
                with socket.create_connection(("127.0.0.1", self._backend_port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self._stop_backend()
        raise KGError(Errors.E212.format(reason="oxigraph did not start in 20 s"))

    def _stop_backend(self) -> None:
        if self._backend is not None:
            self._backend.kill()
            self._backend.wait()
            if self._backend.stderr:
                self._backend.stderr.close()
            self._backend = None

    def _restart_backend(self, port: int) -> None:
        with self._lock:
            if self._backend_port == port:  # not restarted by another request already
                log.warning("restarting the Oxigraph server to end a query over %gs", self.timeout)
                self._stop_backend()
                self._start_backend()

    # -- the gateway ------------------------------------------------------------------

    def start(self) -> SparqlServer:
        """Start Oxigraph and the gateway (in a background thread); return ``self``."""
        self._start_backend()
        server = self

        class Handler(_Gateway):
            gateway = server

        try:
            self._httpd = http.server.ThreadingHTTPServer((self.host, self.port), Handler)
        except OSError as exc:
            self._stop_backend()
            raise KGError(Errors.E212.format(reason=exc)) from exc
        self._httpd.daemon_threads = True
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        log.info("SPARQL endpoint %s (store %s, %s)", self.url, self.store, self.mode)
        return self

    @property
    def mode(self) -> str:
        return "writable" if self.writable else "read-only"

    @property
    def url(self) -> str:
        """The query endpoint, ``http://HOST:PORT/query``."""
        return f"http://{self.host}:{self.port}/query"

    def stop(self) -> None:
        """Stop the gateway and Oxigraph."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        self._stop_backend()

    def wait(self) -> None:
        """Block until interrupted (Ctrl-C), then stop."""
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


class _Gateway(http.server.BaseHTTPRequestHandler):
    gateway: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in {**_CORS, **(headers or {})}.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _refuse(self, status: int, message: str) -> None:
        self._reply(status, (message + "\n").encode("utf-8"), {"Content-Type": "text/plain"})

    def do_OPTIONS(self) -> None:
        self._reply(204, b"")

    def do_GET(self) -> None:
        self._forward(b"")

    do_HEAD = do_GET

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._forward(self.rfile.read(length) if length else b"")

    def do_PUT(self) -> None:
        self.do_POST()

    def do_DELETE(self) -> None:
        self._forward(b"")

    def _sparql(self, body: bytes) -> tuple[str, str]:
        """(kind, text): kind is ``query``, ``update`` or ``""`` (Graph Store, other)."""
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body.decode("utf-8", "replace")))
        if content_type == "application/sparql-update" or "update" in params:
            if "update" in params:
                return "update", params["update"][0]
            return "update", body.decode("utf-8", "replace")
        if content_type == "application/sparql-query":
            return "query", body.decode("utf-8", "replace")
        if "query" in params:
            return "query", params["query"][0]
        if url.path.rstrip("/") == "/update":
            return "update", body.decode("utf-8", "replace")
        return "", ""

    def _forward(self, body: bytes) -> None:
        from kg.query.text import analyse

        gateway = self.gateway
        kind, text = self._sparql(body)
        writes = kind == "update" or (kind == "" and self.command in ("POST", "PUT", "DELETE"))
        if writes and not gateway.writable:
            log.info("refused %s %s: the endpoint is read-only", self.command, self.path)
            self._refuse(403, "The endpoint is read-only (start kg serve with --writable).")
            return
        if kind == "query" and not gateway.allow_service and analyse(text).service:
            log.info("refused a federated query (SERVICE)")
            self._refuse(403, Errors.E211)
            return
        started = time.perf_counter()
        port = gateway._backend_port
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=gateway.timeout)
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() in ("accept", "content-type", "accept-encoding")
        }
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            response = connection.getresponse()
            data = response.read(gateway.max_result_bytes + 1)
            status, reply_headers = response.status, response.getheaders()
        except TimeoutError:
            connection.close()
            gateway._restart_backend(port)
            self._log(kind, text, 503, started, 0)
            self._refuse(503, f"Query cut: it ran over the {gateway.timeout:g} s timeout.")
            return
        except OSError as exc:
            connection.close()
            self._log(kind, text, 502, started, 0)
            self._refuse(502, f"The Oxigraph server is not reachable: {exc}")
            return
        connection.close()
        if len(data) > gateway.max_result_bytes:
            self._log(kind, text, 413, started, len(data))
            self._refuse(
                413, f"The answer is over the {gateway.max_result_bytes}-byte limit; use LIMIT."
            )
            return
        if data.rstrip().endswith(b"has been cancelled"):
            # Oxigraph's own timeout stopped an answer it was streaming
            self._log(kind, text, 503, started, len(data))
            self._refuse(503, f"Query cut: it ran over the {gateway.timeout:g} s timeout.")
            return
        self._log(kind, text, status, started, len(data))
        kept = {k: v for k, v in reply_headers if k.lower() not in _HOP}
        self._reply(status, data, kept)

    def _log(self, kind: str, text: str, status: int, started: float, size: int) -> None:
        elapsed = (time.perf_counter() - started) * 1000
        what = " ".join(text.split())[:200] or f"{self.command} {self.path}"
        log.info("%s %d %.1f ms %d B: %s", kind or "request", status, elapsed, size, what)
