"""The quotes section of the HTML, markdown and terminal reports on the reference page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newsprobe import analyze
from newsprobe.report import render


class _Marks(HTMLParser):
    """Collects the text of <mark> elements and of the speaker headings."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._title: str | None = None
        self.in_quotes = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section" and ("id", "quotes") in attrs:
            self.in_quotes = True
        if self.in_quotes and tag == "mark":
            self._title = dict(attrs).get("title") or ""
            self.marks.append((self._title, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._title = None
        if tag == "section":
            self.in_quotes = False

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            title, text = self.marks[-1]
            self.marks[-1] = (title, text + data)


@pytest.fixture(scope="module")
def quotes_report(reference_path):
    return analyze(reference_path, analyses=["quotes"])


def test_html_lists_speakers_and_marks_quotes_in_text(quotes_report) -> None:
    html = render(quotes_report, "html")
    section = html[html.index('<section id="quotes"') :]
    section = section[: section.index("</section>")]
    assert section.index("Sergey Lavrov") < section.index("Sergey Ryabkov")  # most quoted speaker first
    assert "Deputy Foreign Minister, Russia" in section and "Foreign Minister, Russia" in section
    parser = _Marks()
    parser.feed(html)
    sources = [text for title, text in parser.marks if title == "who speaks"]
    cues = [text for title, text in parser.marks if title == "the reporting words"]
    contents = " ".join(text for title, text in parser.marks if title.startswith("words of "))
    assert "Damascus" in sources and "The foreign minister" in sources
    assert "went on to say" in cues
    assert "an act of aggression" in contents
    assert "words of Sergey Lavrov" in {title for title, _ in parser.marks}  # the tooltip names the speaker


def test_html_escapes_article_text() -> None:
    from newsprobe.analyse.pipeline import Pipeline
    from newsprobe.document import Article
    from newsprobe.report.html import template_environment

    text = "“<script>alert(1)</script> is what we found,” Senator John Smith said."
    result = Pipeline(["quotes"], profile="fast").run(Article(text=text)).results["quotes"]
    assert result.attributions
    html = template_environment().get_template("_quotes.html").render(result=result, article=Article(text=text))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_markdown_and_terminal_views_group_by_speaker(quotes_report) -> None:
    md = render(quotes_report, "md")
    assert "**Sergey Lavrov (Foreign Minister, Russia)**" in md
    text = " ".join(render(quotes_report, "text", width=160).split())
    assert "Sergey Ryabkov (Deputy" in text and "Foreign Minister, Russia)" in text  # the label may wrap


def test_marked_paragraphs_rebuild_the_paragraph_text(reference_quotes) -> None:
    article, result = reference_quotes
    paragraphs = result.marked_paragraphs(article.text)
    assert paragraphs
    for pieces in paragraphs:
        joined = "".join(piece.text for piece in pieces)
        assert joined in article.text.split("\n")
        assert any(piece.part == "content" for piece in pieces)


def test_styles_in_plain_words_in_every_view(quotes_report) -> None:
    views = {fmt: render(quotes_report, fmt, width=200) for fmt in ("html", "md", "text")}
    views["html"] = views["html"][views["html"].index('<section id="quotes"') :]
    for fmt, view in views.items():
        assert "partly quoted" in view and "reported speech" in view and "direct quote" in view, fmt
        assert "partly_direct" not in view and "partly direct" not in view, fmt


def test_how_attributions_were_found_in_plain_words(quotes_report) -> None:
    html = render(quotes_report, "html")
    section = html[html.index('<section id="quotes"') :]
    assert (
        "found by a tagger trained on PolNeAR, over the rules" in section or "found by rules over the parse" in section
    )
    assert "method:" not in section


def test_terminal_view_gives_the_quote_most_of_a_narrow_terminal(quotes_report) -> None:
    text = render(quotes_report, "text", width=80)
    section = text[text.index("Quotes and speakers") :]
    assert max(map(len, section.splitlines())) <= 80
    assert "the US-led anti-terrorist" in section  # content lines hold whole phrases
    assert "partly" in section and "partly_direct" not in section  # quote styles in words
