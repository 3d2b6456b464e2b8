"""Provenance in the HTML, markdown and text reports."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newsprobe.document import InputDescription
from newsprobe.report import render
from newsprobe.report.model import Report

from .helpers import BODY, article_with, run


def _report(article):
    result = run(article)
    return Report(
        profile="fast",
        input=InputDescription(source="test", kind="text"),
        article=article,
        analyses={"provenance": result},
        failures=[],
        timings={},
    )


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def reference_report(reference_article):
    return _report(reference_article)


def test_html_shows_verdict_outlets_flags_and_evidence(reference_report):
    html = render(reference_report, "html")
    parser = _Collect()
    parser.feed(html)
    text = " ".join(parser.text)
    for expected in (
        "attributed republication",
        "RT News",
        "rt.com",
        "globalresearch.ca",
        "specious-sites list",
        "state-controlled",
        "The original source of this article is RT News",
        "republication notice",
    ):
        assert expected in text, expected


def test_markdown_and_text_views(reference_report):
    md = render(reference_report, "md")
    assert "attributed republication" in md and "removed block 1 (republication notice)" in md
    plain = render(reference_report, "text", width=200)
    assert "RT News → rt.com" in plain


def test_article_text_is_escaped_in_html():
    article = article_with(
        BODY,
        removed=[("The original source of this article is <script>alert(1)</script>", "republication notice")],
        site_name="Global Research",
    )
    html = render(_report(article), "html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html
