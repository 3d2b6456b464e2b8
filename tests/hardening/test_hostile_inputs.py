"""Hostile inputs: each finishes within a time and memory bound with a clear result."""

from __future__ import annotations

import gzip
import resource
import time
from pathlib import Path

import pytest

from newsprobe import Newsprobe, from_html, from_text
from newsprobe.errors import InputError
from newsprobe.extract import MAX_TEXT_CHARS
from newsprobe.ingest import load

MB = 1024 * 1024


@pytest.fixture(scope="module")
def app() -> Newsprobe:
    return Newsprobe(["entities"])


class Bound:
    """Asserts the block ran within `seconds` and grew peak RSS by less than `megabytes`."""

    def __init__(self, seconds: float, megabytes: int) -> None:
        self.seconds, self.megabytes = seconds, megabytes

    def __enter__(self) -> Bound:
        self.start = time.perf_counter()
        self.rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return self

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self.start
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - self.rss) / 1024
        assert elapsed < self.seconds, f"took {elapsed:.1f} s"
        assert grown_mb < self.megabytes, f"peak RSS grew by {grown_mb:.0f} MB"


def test_gzip_bomb(tmp_path: Path):
    path = tmp_path / "bomb.html.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        block = b"<p>" + b"A" * MB
        for _ in range(1024):  # 1 GB uncompressed, about 1 MB on disk
            out.write(block)
    assert path.stat().st_size < 5 * MB
    with Bound(seconds=20, megabytes=200), pytest.raises(InputError, match="decompresses to more than"):
        load(path)


def test_100_mb_html_file(tmp_path: Path):
    path = tmp_path / "huge.html"
    with path.open("wb") as out:
        out.write(b"<html><body>")
        out.write(b"<p>word </p>" * (100 * MB // 12))
    with Bound(seconds=5, megabytes=50), pytest.raises(InputError, match="limit is 20 MB"):
        load(path)


def test_deeply_nested_tags(app: Newsprobe):
    html = (
        "<html><body>"
        + "<div>" * 100_000
        + "<p>Deep text that should not crash the extractor at all.</p>"
        + "</div>" * 100_000
        + "</body></html>"
    )
    with Bound(seconds=30, megabytes=500):
        try:
            report = app.analyze(from_html(html))
        except InputError as exc:
            assert "no article text" in str(exc)
        else:
            assert report.failures == []


@pytest.mark.parametrize(
    "data",
    [
        "café naïve".encode() + "déjà vu".encode("latin-1") + b" end of a mixed story with enough words in it.",
        b"\xef\xbb\xbf\xef\xbb\xbfDouble BOM story about the council vote on Tuesday.",
        b"\xff\xfe" + "UTF-16 story about the council vote on Tuesday.".encode("utf-16-le"),
        b"Invalid \xc3\x28 bytes \xa0\xa1 in a story about the council vote on Tuesday.",
    ],
)
def test_invalid_and_mixed_encodings(app: Newsprobe, tmp_path: Path, data: bytes):
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    report = app.analyze(path)
    assert report.article.text and report.failures == []


def test_nul_bytes_are_dropped(app: Newsprobe, tmp_path: Path):
    path = tmp_path / "nul.html"
    path.write_bytes(
        b"<html><body><article><p>The council\x00 voted on Tuesday to close the old bridge for repairs after engineers found cracks.</p></article></body></html>"
    )
    report = app.analyze(path)
    assert "\x00" not in report.article.text and "council voted" in report.article.text


def test_bidi_overrides_and_zero_width_characters(app: Newsprobe):
    hostile = "The \u202eevil\u202c minister \u200bsaid\u2066 nothing\u2069 of note in the capital on Monday."
    report = app.analyze(from_text(f"Headline\n\n{hostile}"))
    text = report.article.text
    assert text == "The evil minister said nothing of note in the capital on Monday."
    for entity in report.analyses["entities"].entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_single_10_mb_line(app: Newsprobe, tmp_path: Path):
    path = tmp_path / "line.txt"
    path.write_text("Title\n\n" + "The minister said the talks went well in Geneva. " * (10 * MB // 50))
    with Bound(seconds=240, megabytes=3000):
        report = app.analyze(path)
    assert len(report.article.text) <= MAX_TEXT_CHARS
    assert report.article.truncated_from and report.article.truncated_from > 10_000_000
    assert report.failures == []


def test_binary_file_named_html(tmp_path: Path):
    path = tmp_path / "photo.html"
    path.write_bytes(bytes(range(256)) * 4000)
    with pytest.raises(InputError, match="binary"):
        load(path)


@pytest.mark.parametrize("content", ["", " ", "\n\n"])
def test_empty_articles(tmp_path: Path, content: str):
    path = tmp_path / "empty.txt"
    path.write_text(content)
    with pytest.raises(InputError, match="empty"):
        load(path)


@pytest.mark.parametrize("content", ["a", "!", "\u05d0", "😀"])
def test_one_character_articles(app: Newsprobe, content: str):
    report = app.analyze(from_text(content))
    assert report.failures == []


@pytest.mark.parametrize("mark", ['"', "“", "«", "'"])
def test_50000_quote_marks(mark: str):
    app = Newsprobe()  # every registered analyser
    with Bound(seconds=120, megabytes=2000):
        report = app.analyze(from_text("Quotes\n\nHe said " + mark * 50_000 + " and left."))
    assert report.failures == []


def test_bracketed_words_are_text_in_every_view():
    """Rich reads "[/b]" as a closing tag: the terminal view crashed on an article that printed BBCode, and
    dropped "[not]" from a quote as a style. Every view shows them as the article's words."""
    from newsprobe.report import render

    text = (
        "Senators said the plan [/b] was a failure and they would vote against it on Tuesday, the aides said.\n\n"
        '"We will [not] accept it," said Senator John Smith of Ohio in a statement on Monday.'
    )
    report = Newsprobe().analyze(from_text("Brackets\n\n" + text))
    for view in ("text", "md", "html"):
        shown = render(report, view, width=240) if view == "text" else render(report, view)
        assert "the plan [/b] was" in shown and "We will [not] accept it" in shown, view
