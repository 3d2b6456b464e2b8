"""Regenerate docs/screenshots/{home,report,outlet}.png from a real server and headless Debian chromium.

.venv/bin/python docs/screenshots/make_screenshots.py [--article PATH] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from newsprobe.web import WebSettings, create_app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_ARTICLE = ROOT.parent / "shared" / "examples" / "globalresearch-2017-06-28-lavrov.md"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def serve() -> tuple[str, uvicorn.Server]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(WebSettings(rate_per_minute=0)), log_level="warning"))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    url, server = serve()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
            page.set_default_timeout(300_000)
            page.goto(url + "/")
            page.fill("#text", args.article.read_text(encoding="utf-8"))
            page.evaluate("document.getElementById('text').scrollTop = 0")
            page.screenshot(path=str(HERE / "home.png"))
            page.click("#analyze-button")
            page.wait_for_url("**/reports/*")
            page.set_viewport_size({"width": 1280, "height": 2200})
            page.screenshot(path=str(HERE / "report.png"))
            highlights = page.locator("section#propaganda")
            if highlights.count():
                highlights.screenshot(path=str(HERE / "report-highlights.png"))
            page.goto(url + "/sources/rt.com")
            page.set_viewport_size({"width": 1280, "height": 900})
            page.screenshot(path=str(HERE / "outlet.png"))
            browser.close()
    finally:
        server.should_exit = True
    for name in ("home", "report", "report-highlights", "outlet"):
        print(f"wrote {HERE / (name + '.png')}")


if __name__ == "__main__":
    main()
