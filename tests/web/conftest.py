"""Web fixtures: real uvicorn servers on 127.0.0.1 (in a thread) and a headless Debian chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsprobe[web]'")

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from newsprobe.web import WebSettings, create_app  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
API_KEY = "test-key-0123456789abcdef"
RATE_KEY = "rate-key-0123456789abcdef"


@dataclass
class LiveServer:
    url: str
    app: Any
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def start_server(settings: WebSettings) -> LiveServer:
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return LiveServer(f"http://127.0.0.1:{port}", app, server, thread)


def stop_server(live: LiveServer) -> None:
    live.server.should_exit = True
    live.thread.join(timeout=15)


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """All analysers, private addresses allowed (for the local test server), no keys, no rate limit."""
    live = start_server(WebSettings(allow_private=True, rate_per_minute=0))
    yield live
    stop_server(live)


@pytest.fixture(scope="session")
def secured_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """API keys, a 64 KB body limit, a small burst, private addresses refused, entities only."""
    key_file = tmp_path_factory.mktemp("keys") / "keys.txt"
    import hashlib

    hashed = hashlib.sha256(RATE_KEY.encode()).hexdigest()
    key_file.write_text(f"# test keys\n{API_KEY}\nsha256:{hashed}\n", encoding="utf-8")
    settings = WebSettings(
        analyses=("entities",), api_key_file=key_file, max_body_bytes=64 * 1024, rate_per_minute=6, rate_burst=10
    )
    live = start_server(settings)
    yield live
    stop_server(live)


def chromium_path() -> str | None:
    configured = os.environ.get("NEWSPROBE_CHROMIUM")
    for candidate in (configured, "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Module-scoped: Playwright's sync API holds an event loop on the main thread while it is open."""
    path = chromium_path()
    if path is None:
        pytest.skip("Debian chromium not installed (apt-get install -y chromium); browser tests need it")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (dev extra)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@dataclass
class WatchedPage:
    """A browser page that records dialogs, console errors and page errors."""

    page: Any
    dialogs: list[str]
    console_errors: list[str]
    page_errors: list[str]


@pytest.fixture()
def page(browser: Any) -> Iterator[WatchedPage]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    new_page = context.new_page()
    watched = WatchedPage(new_page, [], [], [])

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    new_page.on("dialog", on_dialog)
    new_page.on("console", lambda msg: watched.console_errors.append(msg.text) if msg.type == "error" else None)
    new_page.on("pageerror", lambda exc: watched.page_errors.append(str(exc)))
    new_page.set_default_timeout(60_000)
    yield watched
    context.close()
