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
        "republished with credit",
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
    assert "republished with credit" in md and "in text removed from the article: republication notice" in md
    assert "removed block" not in md and "metadata:" not in md.replace("page's metadata:", "")
    assert "fingerprint " not in render(reference_report, "html") and "_" not in md.split("**Verdict:**")[1][:40]
    plain = render(reference_report, "text", width=200)
    assert "RT News → rt.com" in plain
    assert "(in text removed from the article:" in plain  # not swallowed as Rich markup


def test_one_evidence_line_per_thing_seen_naming_every_place(reference_report):
    """Global Research's contact address was listed three times (the page's metadata, the disclaimer, the media
    inquiries block) and RT's byline twice; each is one line now, with all its places."""
    md = render(reference_report, "md")
    contact = "contact e-mail: “publications@globalresearch.ca”"
    assert md.count(contact) == 1
    assert (
        f"{contact} (in the page's metadata: a contact e-mail on the page; "
        "in text removed from the article: disclaimer, media inquiries)"
    ) in md
    assert md.count("byline: “RT News”") == 1 and "the byline, the byline's credits)" in md


def test_article_text_is_escaped_in_html():
    article = article_with(
        BODY,
        removed=[("The original source of this article is <script>alert(1)</script>", "republication notice")],
        site_name="Global Research",
    )
    html = render(_report(article), "html")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;" in html


def test_a_credit_to_a_name_several_papers_share_says_so_in_every_view():
    """'the Daily News' is the name of several listed papers: the credit is no single outlet, not an unlisted one."""
    article = article_with(
        BODY, removed=[("This article originally appeared in the Daily News.", "republication notice")]
    )
    report = _report(article)
    original = report.analyses["provenance"].chain[0]
    assert original.profile is not None and "dailynews.co.tz" in original.profile.namesakes  # was None
    html = render(report, "html")
    assert "no single outlet</span>" in html and ">unknown outlet<" not in html
    for view in ("md", "text"):
        shown = render(report, view, width=400) if view == "text" else render(report, view)
        assert "no single outlet: a name several papers share" in shown, view
        assert "not in the outlet table" not in shown, view


# ---------------------------------------------------------------- issue 20: image credits, edits, links, fact-checks


def _html_text(html: str) -> str:
    parser = _Collect()
    parser.feed(html)
    return " ".join(parser.text)


def test_reference_page_lists_sputnik_as_image_credit_in_every_view(reference_report):
    text = _html_text(render(reference_report, "html"))
    assert "image credit" in text and "Sputnik International" in text and "Sergey Pyatakov / Sputnik" in text
    assert "| image credit | Sputnik International → sputniknews.com" in render(reference_report, "md")
    assert "image credit" in render(reference_report, "text", width=200)


@pytest.fixture(scope="module")
def edited_report(tmp_path_factory):
    from pathlib import Path

    from newsprobe.dedup import DocumentRecord, IndexSettings, NearDuplicateIndex

    fixtures = Path(__file__).parent / "fixtures"
    original = (fixtures / "original_rt.txt").read_text(
        encoding="utf-8"
    ).strip() + "\n\nA <script>alert(1)</script> line."
    copy = (fixtures / "copy_globalresearch.txt").read_text(encoding="utf-8").strip()
    directory = tmp_path_factory.mktemp("edits")
    with NearDuplicateIndex(directory, settings=IndexSettings(keep_text=True)) as store:
        store.add(
            original,
            DocumentRecord(
                source="rt-1",
                outlet="RT",
                domain="rt.com",
                published="2017-06-27",
                title="Coalition playing a dangerous game",
            ),
        )
    article = article_with(
        copy, title="Protecting the Terrorists", url="https://www.globalresearch.ca/x/1", published="2017-06-28"
    )
    result = run(article, index_dir=str(directory))
    return Report(
        profile="fast",
        input=InputDescription(source="t", kind="text"),
        article=article,
        analyses={"provenance": result},
    )


def test_html_shows_the_two_texts_side_by_side_with_the_edits(edited_report):
    html = render(edited_report, "html")
    text = _html_text(html)
    assert 'class="np-side-by-side"' in html
    assert "<del>allegedly</del>" in html and "<ins>sham</ins>" in html
    for expected in (
        "suspected laundering",
        "What the copy changed",
        "Protecting the Terrorists",
        "Coalition playing a dangerous game",
        "loaded language added",
        "hedge removed",
        "state media list (state-controlled)",
    ):
        assert expected in text, expected
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_views_use_plain_words_not_internal_ids(edited_report, reference_report):
    for report in (edited_report, reference_report):
        for view in ("html", "md"):
            shown = _html_text(render(report, view)) if view == "html" else render(report, view)
            for internal in (
                "suspected_laundering",
                "uncredited_copy",
                "loaded_language_added",
                "hedge_removed",
                "image_credit",
                "republication_notice",
                "index_match",
            ):
                assert internal not in shown, (view, internal)


def test_markdown_and_terminal_list_edits_and_basis(edited_report):
    md = render(edited_report, "md")
    assert (
        "Headline before: Coalition playing a dangerous game" in md
        and "Headline after: Protecting the Terrorists" in md
    )
    assert (
        "- hedge removed: “allegedly”" in md
        and "Why suspected laundering: the uncredited origin is on the state media list (state-controlled)" in md
    )
    assert "loaded language added" in render(edited_report, "text", width=200)


def test_every_view_lists_the_copy_found_in_the_index(edited_report):
    """The terminal view listed no index copy (only the Markdown and HTML views did)."""
    line = "Copy in the index: RT (2017-06-27, earlier), containment"
    assert line in render(edited_report, "md")
    assert line in " ".join(render(edited_report, "text", width=300).split())
    assert "Copies in the index" in _html_text(render(edited_report, "html"))


def test_fact_check_markup_is_shown(shared_data):
    from newsprobe.api import Newsprobe

    pages = sorted((shared_data / "extraction-bench" / "html").glob("1ee91d1f*.html.gz"))
    if not pages:
        pytest.skip("extraction benchmark pages not available")
    report = Newsprobe(["provenance"]).analyze(pages[0])
    text = _html_text(render(report, "html"))
    assert "Fact-check" in text and "reviewed by POLYGRAPH.info on 2019-11-18" in text
    assert "Fact-check:** False (rating 1 on 1–5)" in render(report, "md")
    assert "Outbound links" in text and "to the page's own site" in text
