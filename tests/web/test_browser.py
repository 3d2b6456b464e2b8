"""The core flows in a real headless chromium: paste, upload, URL; hostile articles run nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsprobe import extract
from newsprobe.analyse import registry

from .conftest import LiveServer, WatchedPage

REPORT_URL = re.compile(r".*/reports/[0-9a-f]{32}$")


def submit(watched: WatchedPage) -> None:
    watched.page.click("#analyze-button")
    watched.page.wait_for_url(REPORT_URL)


def assert_clean(watched: WatchedPage) -> None:
    assert watched.dialogs == []
    assert watched.page_errors == []
    assert watched.console_errors == []


def test_paste_reference_page(live_server: LiveServer, page: WatchedPage, reference_path: Path) -> None:
    expected_title = extract(reference_path).metadata.title
    page.page.goto(live_server.url + "/")
    page.page.fill("#text", reference_path.read_text(encoding="utf-8"))
    submit(page)
    assert page.page.inner_text("h1.np-title") == expected_title
    quotes = page.page.inner_text("section#quotes")
    assert "Sergey Lavrov" in quotes
    assert "new evidence has emerged" in quotes
    if "provenance" in registry.names():
        original = page.page.locator(".np-badge", has_text="original").first
        assert "RT" in original.inner_text()
        assert original.get_attribute("href") == "/sources/rt.com?credited=RT%20News"  # the name the page credits
        assert "RT News" in page.page.inner_text("section#provenance")
    assert_clean(page)


@pytest.mark.skipif("propaganda" not in registry.names(), reason="the propaganda analyser is not registered")
def test_paste_reference_page_highlights_propaganda(
    live_server: LiveServer, page: WatchedPage, reference_path: Path
) -> None:
    page.page.goto(live_server.url + "/")
    page.page.fill("#text", reference_path.read_text(encoding="utf-8"))
    submit(page)
    failures = page.page.locator(".np-failure").all_inner_texts()
    assert not [f for f in failures if "propaganda" in f], failures
    marks = page.page.locator("section#propaganda mark")
    assert marks.count() > 0
    title = marks.first.get_attribute("title") or ""  # technique in words and one explained confidence
    assert "confidence" in title and "_" not in title
    assert_clean(page)


@pytest.mark.skipif("propaganda" not in registry.names(), reason="the propaganda analyser is not registered")
def test_show_more_reveals_lower_confidence_spans_without_javascript(
    live_server: LiveServer, browser: Any, reference_path: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.fill("#text", reference_path.read_text(encoding="utf-8"))
    page.click("#analyze-button")
    page.wait_for_url(REPORT_URL)
    more_text = page.locator("section#propaganda .np-text.np-view-more")
    assert more_text.count() == 1 and not more_text.is_visible()
    page.click("label[for=np-propaganda-more]")
    assert more_text.is_visible() and not page.locator("section#propaganda .np-text.np-view-default").is_visible()
    titles = more_text.locator("mark").evaluate_all("marks => marks.map(m => m.title)")
    assert any("lower confidence" in t for t in titles)
    context.close()


def test_upload_file(live_server: LiveServer, page: WatchedPage, reference_path: Path) -> None:
    page.page.goto(live_server.url + "/")
    page.page.click("label[for=src-file]")
    page.page.uncheck("input[name=analyses][value=claims]") if page.page.locator(
        "input[name=analyses][value=claims]"
    ).count() else None
    page.page.set_input_files("#file", str(reference_path))
    submit(page)
    assert page.page.inner_text("h1.np-title") == extract(reference_path).metadata.title
    assert reference_path.name in page.page.inner_text("main")  # the source line names the uploaded file
    assert page.page.locator("section#claims").count() == 0
    assert_clean(page)


def test_submit_url_served_locally(live_server: LiveServer, page: WatchedPage, local_server) -> None:  # type: ignore[no-untyped-def]
    html = (
        "<html><head><title>Dam inspection finds cracks</title></head><body><article>"
        "<h1>Dam inspection finds cracks</h1><p>Engineers found three cracks in the dam wall, "
        "the regional water authority said on Tuesday.</p><p>Repairs will start next month, "
        "according to the authority's director, Maria Keller.</p></article></body></html>"
    )
    url = local_server.add("/news/dam.html", body=html.encode())
    page.page.goto(live_server.url + "/")
    page.page.click("label[for=src-url]")
    page.page.fill("#url", url)
    submit(page)
    assert page.page.inner_text("h1.np-title") == "Dam inspection finds cracks"
    assert "/news/dam.html" in local_server.hits
    assert_clean(page)


def test_bad_url_shows_error_without_javascript(live_server: LiveServer, browser, local_server) -> None:  # type: ignore[no-untyped-def]
    url = local_server.add("/gone", status=404, body=b"gone")
    context = browser.new_context(java_script_enabled=False)
    try:
        no_js = context.new_page()
        no_js.goto(live_server.url + "/")
        no_js.click("label[for=src-url]")
        no_js.fill("#url", url)
        no_js.click("#analyze-button")
        no_js.wait_for_selector(".np-error")
        assert "HTTP 404" in no_js.inner_text(".np-error")
        assert no_js.input_value("#url") == url  # the form keeps what was typed
    finally:
        context.close()


XSS_TEXT = """Hostile <script>alert("title")</script> headline

By <img src=x onerror=alert("byline")>

The article says <script>alert(1)</script> and shows <img src=x onerror="alert(2)"> an image.

Click <a href="javascript:alert(3)">this link</a> or [this one](javascript:alert(4)) for more.

A quoted source said "<svg onload=alert(5)>" was harmless, according to officials.
"""

XSS_HTML = """<html><head><title>Harmless &lt;b&gt;title</title>
<script>alert("head")</script></head><body onload="alert('body')"><article>
<h1>Harbour story <img src=x onerror="alert('h1')"></h1>
<p>The harbour reopened on Monday, officials said. <script>alert("inline")</script></p>
<p>Read <a href="javascript:alert('link')">the statement</a> and <iframe src="javascript:alert('frame')"></iframe>
the press release &lt;script&gt;alert("escaped")&lt;/script&gt; published later.</p>
<p onclick="alert('p')">Divers inspected the quay walls for two days before ships were allowed back in.</p>
</article></body></html>"""


def assert_inert(watched: WatchedPage) -> None:
    page = watched.page
    assert page.evaluate("document.querySelectorAll('main script, main iframe, main svg, main img[src=x]').length") == 0
    assert (
        page.evaluate("[...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length") == 0
    )
    assert (
        page.evaluate(
            "[...document.querySelectorAll('main *')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"
        )
        == 0
    )
    page.wait_for_timeout(300)  # give any injected handler time to fire
    assert_clean(watched)


def test_hostile_text_renders_as_text_and_runs_nothing(live_server: LiveServer, page: WatchedPage) -> None:
    page.page.goto(live_server.url + "/")
    page.page.select_option("#paste_format", "text")
    page.page.fill("#text", XSS_TEXT)
    submit(page)
    assert '<script>alert("title")</script>' in page.page.inner_text("h1.np-title")
    body = page.page.inner_text("main")
    assert "<script>alert(1)</script>" in body
    assert '<img src=x onerror="alert(2)">' in body
    assert "javascript:alert(3)" in body
    assert_inert(page)


def test_hostile_html_upload_runs_nothing(live_server: LiveServer, page: WatchedPage, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.html"
    hostile.write_text(XSS_HTML, encoding="utf-8")
    page.page.goto(live_server.url + "/")
    page.page.click("label[for=src-file]")
    page.page.set_input_files("#file", str(hostile))
    submit(page)
    body = page.page.inner_text("main")
    assert "Divers inspected the quay walls" in body
    assert '<script>alert("escaped")</script>' in body  # text that only looked like a tag stays text
    assert_inert(page)


def test_pages_have_no_console_errors(live_server: LiveServer, page: WatchedPage) -> None:
    for path in ("/", "/sources/rt.com", "/sources/no-such-outlet.example", "/docs"):
        response = page.page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
    assert_clean(page)
