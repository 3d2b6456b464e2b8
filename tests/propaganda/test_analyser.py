"""The propaganda analyser on the reference page and on made-up text, both profiles."""

from __future__ import annotations

import pytest

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.propaganda import PropagandaAnalyser, PropagandaResult
from newsprobe.analyse.propaganda.model import accurate_available
from newsprobe.document import Article

PROFILES = ["fast"] + (["accurate"] if accurate_available() else [])


def _run(article: Article, profile: str) -> PropagandaResult:
    return PropagandaAnalyser(profile=profile).run(article, None, AnalysisContext(profile=profile))  # type: ignore[arg-type]


@pytest.mark.skipif(not accurate_available(), reason="accurate model files not installed")
def test_reference_page_headline_is_flagged_by_the_default_model(reference_article: Article) -> None:
    result = _run(reference_article, "accurate")
    title = reference_article.metadata.title or ""
    phrase_start = title.index("Protecting the Terrorists")
    phrase_end = phrase_start + len("Protecting the Terrorists")
    flagged = [s for s in result.title_spans if s.start < phrase_end and s.end > phrase_start]
    assert flagged, f"headline spans: {result.title_spans}"
    assert any(t.technique in {"Loaded_Language", "Name_Calling,Labeling"} for s in flagged for t in s.techniques)


@pytest.mark.parametrize("profile", PROFILES)
def test_reference_page_body_spans(reference_article: Article, profile: str) -> None:
    result = _run(reference_article, profile)
    title = reference_article.metadata.title or ""
    assert len(result.spans) >= 3
    for span in result.spans:
        assert reference_article.text[span.start : span.end] == span.text
    for span in result.title_spans:
        assert title[span.start : span.end] == span.text


@pytest.mark.parametrize("profile", PROFILES)
def test_summary_counts_match_spans(reference_article: Article, profile: str) -> None:
    result = _run(reference_article, profile)
    assert sum(c.count for c in result.summary.counts) == sum(len(s.techniques) for s in result.spans)
    assert 0 < result.summary.sentences_with_propaganda <= result.summary.sentences
    assert all(0 <= i < len(result.spans) for i in result.summary.strongest)


def test_empty_text_gives_an_empty_result() -> None:
    result = _run(Article(text=""), "fast")
    assert result.spans == [] and result.title_spans == [] and result.summary.sentences == 0


def test_quoted_spans_are_attributed_to_the_speaker(reference_article: Article) -> None:
    outcome = Pipeline(["quotes", "propaganda"], profile="fast").run(reference_article)
    assert not outcome.failures, outcome.failures
    result = outcome.results["propaganda"]
    assert isinstance(result, PropagandaResult)
    quoted = [item for item in result.by_speaker if "Lavrov" in item.speaker]
    assert quoted, [(s.text, s.speaker) for s in result.spans]
    assert all(not item.text.startswith(("“", '"')) for item in quoted)  # clipped to the quoted words
    sentence = quoted[0].sentence
    assert sentence.startswith(quoted[0].speaker + " uses ") and quoted[0].text in sentence


def test_only_words_inside_quote_marks_go_to_the_speaker() -> None:
    from newsprobe.analyse.propaganda.analyser import PropagandaSpan, TechniqueScore, attribute_to_speakers
    from newsprobe.analyse.quotes import Attribution, QuoteSpan, QuotesResult, Speaker

    text = 'Lavrov accused the evil coalition of playing "an extremely dangerous game" in Syria.'
    content_start = text.index("the evil")
    content = QuoteSpan(start=content_start, end=len(text) - 1, text=text[content_start:-1])
    quotes = QuotesResult(
        attributions=[
            Attribution(
                id=0,
                content=[content],
                direct=False,
                style="partly_direct",
                speaker=Speaker(name="Sergey Lavrov", kind="person", resolved_by="named", reason="named in the clause"),
            )
        ]
    )

    def span(words: str) -> PropagandaSpan:
        start = text.index(words)
        return PropagandaSpan(
            start=start,
            end=start + len(words),
            text=words,
            confidence=0.9,
            techniques=[TechniqueScore(technique="Loaded_Language", name="Loaded language", confidence=0.8)],
        )

    quoted, paraphrase = attribute_to_speakers(text, [span("extremely dangerous game"), span("evil coalition")], quotes)
    assert quoted.speaker == "Sergey Lavrov"
    assert paraphrase.speaker is None
