"""Properties over generated pages: the analyser never crashes and every evidence item points at its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.analyse.provenance.analyser import clean_name, iter_lines

from .helpers import article_with, evidence_text, run

NOTICE_LINES = [
    "The original source of this article is RT News",
    "This article was originally published on The Conversation.",
    "MOSCOW (Reuters) - Talks stalled.",
    "By RT News",
    "Source: Sputnik",
    "© 2017 Global Research",
    "via Zero Hedge",
    "Global Research, June 28, 2017",
]
free_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
line = st.one_of(st.sampled_from(NOTICE_LINES), free_text)
lines = st.lists(line, max_size=12)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=lines, removed=lines, separator=st.sampled_from(["\n", "\n\n", "\n  \n"]))
def test_evidence_always_points_at_its_quote(body, removed, separator):
    article = article_with(
        separator.join(body), removed=[(text, "boilerplate") for text in removed], url="https://www.example-daily.com/a"
    )
    result = run(article)
    refs = [*result.origins, *([result.host] if result.host else [])]
    for ref in refs:
        for item in ref.evidence:
            assert evidence_text(article, item) == item.quote
            if item.span is not None:
                assert 0 <= item.span.start <= item.span.end <= len(article.text)
    if result.verdict == "original":
        assert result.confidence <= 0.5 and result.origins == []


@given(text=st.text(max_size=200))
def test_lines_cover_their_offsets(text):
    for item in iter_lines(text):
        assert text[item.start : item.end] == item.text and item.text == item.text.strip()


@given(raw=st.text(max_size=120))
def test_clean_name_is_short_and_trimmed(raw):
    name = clean_name(raw)
    if name is not None:
        assert name == name.strip() and len(name.split()) <= 8 and any(ch.isalpha() for ch in name)


sentences = st.lists(
    st.sampled_from(
        [
            "The minister said talks would resume.",
            "He allegedly urged Washington to act.",
            "This is a sham and a devastating blow.",
            "“We will not accept these terms at all,” she said.",
            "Officials declined to comment.",
            "Mr. Smith met U.S. officials on Monday.",
        ]
    )
    | free_text,
    max_size=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(original=sentences, copy=sentences, joiner=st.sampled_from([" ", "\n\n", "\n"]))
def test_edit_comparison_offsets_point_into_both_texts(original, copy, joiner):
    from newsprobe.dedup import OriginalDocument, compare_texts

    original_text, copy_text = joiner.join(original), joiner.join(copy)
    edits = compare_texts(OriginalDocument(source="o", obtained="index"), original_text, "A", copy_text, "B")
    for passage in edits.passages:
        if passage.original_span:
            assert original_text[passage.original_span.start : passage.original_span.end] == passage.original_text
        if passage.copy_span:
            assert copy_text[passage.copy_span.start : passage.copy_span.end] == passage.copy_text
        for mark in passage.original_marks:
            assert passage.original_span.start <= mark.start < mark.end <= passage.original_span.end
        for mark in passage.copy_marks:
            assert passage.copy_span.start <= mark.start < mark.end <= passage.copy_span.end
    for change in edits.editorial:
        if change.copy_span:
            assert copy_text[change.copy_span.start : change.copy_span.end] == change.text
        if change.original_span:
            assert original_text[change.original_span.start : change.original_span.end] == change.text
    shown = "".join(piece.text for row in edits.rows(copy_text) for piece in row.copy)
    assert "".join(shown.split()) == "".join(copy_text.split())  # the side-by-side view shows the whole copy


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(
        st.tuples(free_text, st.sampled_from(["", "a link here", "  spaced\tanchor  "]), free_text),
        min_size=1,
        max_size=5,
    )
)
def test_links_point_at_their_anchor_text(paragraphs):
    import html

    from newsprobe.api import extract
    from newsprobe.errors import InputError
    from newsprobe.ingest import from_html

    body = "".join(
        f"<p>{html.escape(before)} <a href='/x/{i}'>{html.escape(anchor)}</a> {html.escape(after)}</p>"
        for i, (before, anchor, after) in enumerate(paragraphs)
    )
    try:
        article = extract(
            from_html(f"<html><body><article>{body}</article></body></html>", url="https://example.org/a")
        )
    except InputError:
        return
    for link in article.links:
        if link.span is not None:
            assert article.text[link.span.start : link.span.end] == link.text
        else:
            block = article.removed[link.removed_block].text
            assert block[link.removed_span.start : link.removed_span.end] == link.text
