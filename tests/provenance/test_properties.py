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
