"""The propaganda analyser on the reference page and on made-up text, both profiles."""

from __future__ import annotations

import pytest

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.propaganda import PropagandaAnalyser, PropagandaResult
from newsprobe.analyse.propaganda.model import accurate_available
from newsprobe.document import Article, Metadata

PROFILES = ["fast"] + (["accurate"] if accurate_available() else [])


def _run(article: Article, profile: str) -> PropagandaResult:
    unparsed = SharedNLP().empty_doc()
    return PropagandaAnalyser(profile=profile).run(article, unparsed, AnalysisContext(profile=profile))


@pytest.mark.skipif(not accurate_available(), reason="accurate model files not installed")
def test_reference_page_headline_spans_have_their_own_boundaries(reference_article: Article) -> None:
    result = _run(reference_article, "accurate")
    title = reference_article.metadata.title or ""
    found = result.title_spans + result.more_title_spans
    assert found, "the headline is read with the text and gets spans"
    assert all(s.end - s.start < 0.9 * len(title) for s in found), found
    assert all(title[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize("profile", PROFILES)
def test_so_called_is_listed_as_name_calling(reference_article: Article, profile: str) -> None:
    result = _run(reference_article, profile)
    labelled = [s for s in result.spans + result.more_spans if s.text.startswith("so-called Al-Nusra")]
    assert labelled, [s.text for s in result.more_spans]
    assert labelled[0].technique == "Name_Calling,Labeling"


@pytest.mark.parametrize("profile", PROFILES)
def test_a_pasted_test_headline_is_not_highlighted(profile: str) -> None:
    article = Article(text="The council approved the budget on Tuesday.", metadata=Metadata(title="Test headline"))
    result = _run(article, profile)
    assert result.title_spans == [] and result.spans == []
    assert all(s.confidence < 0.5 for s in result.more_title_spans + result.more_spans)


@pytest.mark.parametrize("profile", PROFILES)
def test_confidence_is_one_calibrated_share_and_highlights_beat_lower_ones(
    reference_article: Article, profile: str
) -> None:
    result = _run(reference_article, profile)
    assert result.spans and result.more_spans
    assert all(0.0 <= s.confidence <= 1.0 for s in result.spans + result.more_spans)
    assert not any(h.start <= m.start and m.end <= h.end for h in result.spans for m in result.more_spans)


@pytest.mark.parametrize("profile", PROFILES)
def test_reference_page_body_spans(reference_article: Article, profile: str) -> None:
    result = _run(reference_article, profile)
    title = reference_article.metadata.title or ""
    # precision first: the fast profile highlights few spans (one here) and lists the rest at lower confidence
    assert len(result.spans) >= (3 if profile == "accurate" else 1)
    assert len(result.spans + result.more_spans) >= 3
    for span in result.spans + result.more_spans:
        assert reference_article.text[span.start : span.end] == span.text
    for span in result.title_spans + result.more_title_spans:
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
    for item in quoted:  # clipped to the quoted passage: its marks are taken in whole or not at all
        assert item.text.startswith(("“", '"')) == item.text.endswith(("”", '"', "”,", '",')), item.text
    sentence = quoted[0].sentence
    assert sentence.startswith(quoted[0].speaker + " uses ") and quoted[0].name.lower() in sentence
    assert "_" not in sentence
    for item in result.by_speaker:  # named as the table and the tooltip name the span
        assert item.name == result.spans[item.span].technique_names


def test_the_summary_line_says_when_a_span_counts_under_two_techniques() -> None:
    from newsprobe.analyse.propaganda.analyser import PropagandaSpan, TechniqueScore, summarise
    from newsprobe.report.views.propaganda import markdown

    text = "They play a dirty, dangerous game."
    start = text.index("dirty")
    span = PropagandaSpan(
        start=start,
        end=start + 5,
        text="dirty",
        techniques=[
            TechniqueScore(technique="Name_Calling,Labeling", name="Name calling / labeling", confidence=0.5),
            TechniqueScore(technique="Loaded_Language", name="Loaded language", confidence=0.4),
        ],
        confidence=0.6,
    )
    result = PropagandaResult(model="test", spans=[span], summary=summarise([span], [(0, len(text))]))
    first_line = markdown(result, Article(text=text)).splitlines()[0]
    assert first_line.startswith("1 highlighted spans in 1/1 sentences")
    assert "by technique (a span can have two) " in first_line and "Loaded language ×1" in first_line
    assert "| dirty | Name calling / labeling or Loaded language | 0.60 |" in markdown(result, Article(text=text))


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
    (clipped,) = attribute_to_speakers(text, [span('of playing "an extremely dangerous game" in')], quotes)
    assert clipped.text == '"an extremely dangerous game"' and clipped.speaker == "Sergey Lavrov"


def test_claims_and_propaganda_count_the_same_sentences() -> None:
    """The claims header ("7 of 11 sentences") and the propaganda summary ("in 4/11 sentences") read one split:
    on real pages the propaganda's own splitter had found 131 sentences where claims scored 132."""
    from newsprobe.analyse.pipeline import Pipeline

    text = (
        "Dr. Smith told reporters on Monday that the plan would fail. It was, he said, a disgrace.\n\n"
        "Read more\n\n"
        "The U.S. delegation left early. Officials in St. Louis declined to comment on the talks"
    )
    results = Pipeline(["claims", "propaganda"], profile="fast").run(Article(text=text)).results
    assert results["propaganda"].summary.sentences == len(results["claims"].claims)
