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


# ---------------------------------------------------------------- a real corpus store for the explorer

HOSTILE_TITLE = "<script>alert('title')</script> Harbour <img src=x onerror=alert('title2')>"
HOSTILE_OUTLET = "<img src=x onerror=alert('outlet')>Outlet"
HOSTILE_SPEAKER = "<svg onload=alert('speaker')>Minister"


def explorer_rows(shared_data: Path) -> list[dict[str, str]]:
    """Six PTC articles over three outlets and three months, a late uncredited copy, and a hostile page."""
    folder = shared_data / "ptc" / "train" / "train-articles"
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))[:6]]
    if len(texts) < 6:
        pytest.skip(f"shared data not found: {folder}")
    outlets = [("rt.com", "RT"), ("bbc.co.uk", "BBC"), ("example-blog.net", "Example Blog")]
    rows = [
        {
            "text": text,
            "url": f"https://www.{outlets[i % 3][0]}/news/{i}",
            "published": f"2019-0{1 + i % 3}-{10 + i:02d}",
            "outlet": outlets[i % 3][1],
        }
        for i, text in enumerate(texts)
    ]
    rows.append({"text": texts[0], "url": "https://example-blog.net/copied", "published": "2019-06-01"})
    html = (
        f"<html><head><title>{HOSTILE_TITLE.replace('<', '&lt;')}</title></head><body><article>"
        + "<p>The harbour reopened on Monday, officials said, after divers inspected the quay walls for two days.</p>"
        * 3
        + "</article></body></html>"
    )
    rows.append(
        {"html": html, "url": "https://hostile.example/story", "published": "2019-04-01", "outlet": HOSTILE_OUTLET}
    )
    return rows


@pytest.fixture(scope="session")
def explorer_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store written by a real `corpus run` (fast profile, every analyser), plus one stored quote whose
    speaker is hostile, written through the store's own write path."""
    import json

    from newsprobe.corpus import CorpusStore, RunOptions, run_corpus

    folder = tmp_path_factory.mktemp("explorer")
    jsonl = folder / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in explorer_rows(shared_data)), encoding="utf-8")
    store = folder / "store"
    run_corpus(RunOptions(inputs=[str(jsonl)], store=store, workers=1, profile="fast", quiet=True))
    with CorpusStore(store) as opened:
        hostile_id = opened.query("SELECT id FROM articles WHERE url = 'https://hostile.example/story'").to_pylist()[0][
            "id"
        ]
        quote = {
            "article_id": hostile_id,
            "attribution_id": 99,
            "speaker": HOSTILE_SPEAKER,
            "speaker_kind": "person",
            "content": "the quay is safe",
            "direct": True,
            "style": "direct",
            "start_offset": 0,
            "end_offset": 10,
        }
        opened.write_batch([{"quotes": [quote]}])
    return store


@pytest.fixture(scope="session")
def explorer_server(explorer_store: Path) -> Iterator[LiveServer]:
    live = start_server(WebSettings(store=explorer_store, rate_per_minute=0, warm_up=False))
    yield live
    stop_server(live)
