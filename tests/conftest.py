"""Shared fixtures: paths to shared data and the reference page, a real local HTTP server."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPROBE_SHARED", ROOT.parent / "shared"))
REFERENCE_PAGE = SHARED / "examples" / "globalresearch-2017-06-28-lavrov.md"


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE_PAGE


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return SHARED / "data"


@pytest.fixture(scope="session")
def reference_article():
    from newsprobe.api import extract  # `newsprobe.extract` is the subpackage once it is imported

    return extract(REFERENCE_PAGE)


@pytest.fixture(scope="session")
def reference_report():
    from newsprobe import analyze

    return analyze(REFERENCE_PAGE)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_per_chunk: float = 0.0
    chunks: int = 1


class LocalServer:
    """A real HTTP server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.hits.append(self.path)
                route = server.routes.get(self.path, Route(status=404, body=b"not found"))
                self.send_response(route.status)
                for key, value in {"Content-Type": "text/html; charset=utf-8", **route.headers}.items():
                    self.send_header(key, value)
                if route.delay_per_chunk == 0:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                step = max(1, len(route.body) // route.chunks)
                try:
                    for start in range(0, len(route.body), step):
                        self.wfile.write(route.body[start : start + step])
                        self.wfile.flush()
                        time.sleep(route.delay_per_chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, **kwargs: object) -> str:
        self.routes[path] = Route(**kwargs)  # type: ignore[arg-type]
        return self.url(path)


@pytest.fixture()
def local_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture()
def loopback_policy() -> Callable[..., object]:
    """A fetch policy that allows only the loopback test server, nothing else private."""
    from newsprobe.ingest import FetchPolicy

    def make(**overrides: object) -> FetchPolicy:
        return FetchPolicy(allowed_networks=("127.0.0.1/32",), **overrides)  # type: ignore[arg-type]

    return make
