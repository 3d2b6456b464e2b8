"""XSS battery for the HTML report, opened in a real headless Chromium: nothing from the article runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.report import render

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (apt-get install chromium)"
)

PAYLOADS = [
    "<script>alert('s1')</script>",
    "<img src=x onerror=alert('s2')>",
    "<a href=\"javascript:alert('s3')\">click me</a>",
    "\"><svg onload=alert('s4')>",
    "</textarea></style></title><script>alert('s5')</script>",
    "<iframe src=\"javascript:alert('s6')\"></iframe>",
    "{{ 7*7 }} {% raw %}<b onmouseover=alert('s7')>x</b>",
]

TEXT_EXPORT = (
    "Title <script>alert('t1')</script>\n\nBy <img src=x onerror=alert('t2')>\n\nTags: <svg onload=alert('t3')>, safe\n\n"
    + "\n\n".join(f"The minister said {payload} during the press conference on Monday." for payload in PAYLOADS)
)
HTML_PAGE = (
    "<html><head><title>&lt;script&gt;alert('h1')&lt;/script&gt;</title>"
    '<meta property="og:site_name" content="&lt;img src=x onerror=alert(\'h2\')&gt;"></head><body><article>'
    + "".join(
        f"<p>The minister said {payload.replace('<', '&lt;')} during the press conference on Monday, officials said.</p>"
        for payload in PAYLOADS
    )
    + "<p>A <a href=\"javascript:alert('h3')\">javascript link</a> and <img src=x onerror=\"alert('h4')\"> inline, in a long enough paragraph.</p>"
    + "</article></body></html>"
)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.mark.parametrize("raw", [from_text(TEXT_EXPORT), from_html(HTML_PAGE)], ids=["text-export", "html"])
def test_report_runs_nothing_from_the_article(browser, tmp_path: Path, raw):
    report = Newsprobe().analyze(raw)
    path = tmp_path / "report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    for link in page.query_selector_all("a[href]"):
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.mouse.move(200, 400)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert errors == []
    assert requests == [path.as_uri()]  # self-contained: no other request at all
    assert page.evaluate("document.querySelectorAll('script, iframe, img, svg, object, embed').length") == 0
    body = page.inner_text("body")
    assert "alert(" in body  # the payloads are shown as text
    page.close()
