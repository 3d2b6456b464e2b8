"""Property-based fuzzing: readers and analysers on arbitrary bytes and Unicode never let an exception escape.

The CI sizes are small; `bench/soak.py` runs the same properties for 10,000+ cases.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.errors import FetchError, InputError
from newsprobe.extract import extract
from newsprobe.ingest import read_bytes
from newsprobe.ingest.url import check_url
from newsprobe.report import render

from ._strategies import article_like_text, html_documents, urls

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_APPS: dict[str, Newsprobe] = {}


def app() -> Newsprobe:
    return _APPS.setdefault("all", Newsprobe())


@FUZZ
@given(st.binary(max_size=4000))
def test_bytes_reader_and_extractor(data: bytes):
    try:
        extract(read_bytes(data, source="fuzz"))
    except InputError:
        pass


@FUZZ
@given(html_documents())
def test_html_extractor(html: str):
    try:
        extract(from_html(html))
    except InputError:
        pass


@FUZZ
@given(st.text(max_size=3000))
def test_text_export_cleaner(text: str):
    try:
        article = extract(from_text(text))
    except InputError:
        return
    for paragraph in article.paragraphs:
        assert 0 <= paragraph.start <= paragraph.end <= len(article.text)


@FUZZ
@given(urls())
def test_url_checks(url: str):
    try:
        check_url(url)
    except FetchError:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_like_text())
def test_every_analyser_on_arbitrary_text(text: str):
    report = app().analyze_article(
        extract(from_text("Fuzz\n\n" + text)) if text.strip() else extract(from_text("Fuzz\n\nx")),
        from_text(text).description,
    )
    assert report.failures == [], report.failures
    for view in ("text", "md", "html"):
        assert render(report, view)  # every view renders what the analysers found
