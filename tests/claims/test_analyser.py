"""The `claims` analyser on the reference page and on small built articles, through the real pipeline."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from pydantic import BaseModel

from newsprobe.analyse.base import AnalysisContext
from newsprobe.analyse.claims import ClaimsAnalyser, ClaimsResult
from newsprobe.analyse.claims.analyser import is_checkable_figure
from newsprobe.analyse.nlp import SharedNLP
from newsprobe.analyse.pipeline import Pipeline
from newsprobe.document import Article

REFERENCE_SENTENCE = "However, on June 18, a Syrian Su-22 warplane was shot down over Raqqa province in an attack by the US-led coalition."

PROFILES = ["fast", "accurate"]


@pytest.fixture(scope="module", params=PROFILES)
def reference_claims(request: pytest.FixtureRequest, reference_article: Article) -> tuple[Article, ClaimsResult, Any]:
    outcome = Pipeline(["quotes", "claims"], profile=request.param).run(reference_article)
    assert not outcome.failures, outcome.failures
    return reference_article, outcome.results["claims"], outcome.results["quotes"]


def test_reference_sentence_ranks_in_top_three(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    _, result, _ = reference_claims
    top = [claim.text for claim in result.claims[:3]]
    assert REFERENCE_SENTENCE in top, top


def test_reference_claim_carries_its_date(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    _, result, _ = reference_claims
    claim = next(c for c in result.claims if c.text == REFERENCE_SENTENCE)
    assert claim.checkworthy
    assert "June 18" in [figure.text for figure in claim.figures]
    assert any("Raqqa" in entity.text for entity in claim.entities)


def test_offsets_ranks_and_labels_are_consistent(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    article, result, _ = reference_claims
    assert [claim.rank for claim in result.claims] == list(range(1, len(result.claims) + 1))
    scores = [round(claim.score, 2) for claim in result.claims]
    assert scores == sorted(scores, reverse=True)
    for claim in result.claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert claim.checkworthy == (claim.score >= result.threshold)
        for part in [*claim.entities, *claim.figures]:
            assert claim.start <= part.start < part.end <= claim.end
            assert article.text[part.start : part.end] == part.text


def test_every_body_sentence_is_scored_once(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    article, result, _ = reference_claims
    spans = sorted((claim.start, claim.end) for claim in result.claims)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in pairwise(spans))
    assert all("\n\n" not in claim.text for claim in result.claims)
    assert any(claim.text.startswith("While Washington argued") for claim in result.claims)


def test_boilerplate_never_appears(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    article, result, _ = reference_claims
    assert article.removed, "the extractor should have removed the page's boilerplate"
    for block in article.removed:
        for claim in result.claims:
            assert claim.text not in block.text and block.text[:40] not in claim.text


def test_lavrov_accusations_are_linked_to_him(reference_claims: tuple[Article, ClaimsResult, Any]) -> None:
    _, result, quotes = reference_claims
    accusations = [
        c
        for c in result.claims
        if c.text.startswith(("Russian FM Sergey Lavrov has accused", "“There is a strong impression"))
    ]
    assert len(accusations) == 2
    for claim in accusations:
        assert claim.attribution is not None and claim.attribution.speaker == "Sergey Lavrov"
        linked = next(a for a in quotes.attributions if a.id == claim.attribution.attribution_id)
        assert any(claim.start < part.end and part.start < claim.end for part in linked.content)


@pytest.mark.parametrize("profile", ["accurate", "fast"])
def test_claim_chips_carry_the_entities_label(reference_article: Article, profile: str) -> None:
    """One label per entity in every section: Tillerson and Lavrov are PERSON in the chips as in the table."""
    outcome = Pipeline(["entities", "claims"], profile=profile).run(reference_article)
    entities, claims = outcome.results["entities"], outcome.results["claims"]
    label_at = {(m.start, m.end): e.label for e in entities.entities for m in e.mentions}
    chips = [chip for claim in claims.claims for chip in claim.entities]
    assert chips and all(label_at[(chip.start, chip.end)] == chip.label for chip in chips)
    assert {chip.text: chip.label for chip in chips if chip.text in {"Tillerson", "Lavrov"}} == {
        "Tillerson": "PERSON",
        "Lavrov": "PERSON",
    }


def test_without_quotes_claims_stand_in_the_articles_voice(reference_article: Article) -> None:
    result = Pipeline(["claims"], profile="fast").run(reference_article).results["claims"]
    assert result.claims and all(claim.attribution is None for claim in result.claims)


class _Span(BaseModel):
    start: int
    end: int
    text: str


class _Speaker(BaseModel):
    name: str
    role: str | None = None


class _Attribution(BaseModel):
    id: int
    source: list[_Span]
    cue: list[_Span]
    content: list[_Span]
    style: str
    speaker: _Speaker | None


class _Quotes(BaseModel):
    attributions: list[_Attribution]


def _span(text: str, part: str) -> _Span:
    start = text.index(part)
    return _Span(start=start, end=start + len(part), text=part)


def test_indirect_speech_is_linked_by_cue_and_content() -> None:
    text = "The mayor said that crime fell by 40 percent in 2023. Residents were pleased with the new park."
    article = Article(text=text)
    quotes = _Quotes(
        attributions=[
            _Attribution(
                id=7,
                source=[_span(text, "The mayor")],
                cue=[_span(text, "said")],
                content=[_span(text, "crime fell by 40 percent in 2023")],
                style="indirect",
                speaker=_Speaker(name="Jane Roe", role="Mayor"),
            )
        ]
    )
    doc = SharedNLP().doc(text)
    result = ClaimsAnalyser(profile="fast").run(
        article, doc, AnalysisContext(profile="fast", results={"quotes": quotes})
    )
    by_text = {claim.text: claim for claim in result.claims}
    linked = by_text["The mayor said that crime fell by 40 percent in 2023."].attribution
    assert linked is not None and (linked.attribution_id, linked.speaker, linked.role, linked.cue) == (
        7,
        "Jane Roe",
        "Mayor",
        "said",
    )
    assert by_text["Residents were pleased with the new park."].attribution is None
    assert {figure.kind for figure in by_text["The mayor said that crime fell by 40 percent in 2023."].figures} >= {
        "percent",
        "date",
    }


def test_a_sentence_goes_to_the_attribution_of_its_own_cue() -> None:
    from newsprobe.analyse.claims.links import attribution_finder

    text = (
        "The WHO reported that 11 of the 12 most polluted cities — cities that cause heart troubles — were in India. "
        "The Lancet Commission found that deaths rose."
    )
    own = _Attribution(
        id=1,
        source=[_span(text, "The WHO")],
        cue=[_span(text, "reported")],
        content=[_span(text, "11 of the 12 most polluted cities")],
        style="indirect",
        speaker=_Speaker(name="World Health Organization"),
    )
    overreaching = _Attribution(  # a tagger's content that runs back into the sentence before its cue
        id=2,
        source=[_span(text, "The Lancet Commission")],
        cue=[_span(text, "found")],
        content=[_span(text, "cities that cause heart troubles — were in India"), _span(text, "deaths rose")],
        style="indirect",
        speaker=_Speaker(name="Lancet Commission"),
    )
    find = attribution_finder(_Quotes(attributions=[own, overreaching]))
    first = text.index(" The Lancet")
    linked = find(0, first)
    assert linked is not None and linked.speaker == "World Health Organization"
    second = find(first + 1, len(text))
    assert second is not None and second.speaker == "Lancet Commission"


def test_empty_and_tiny_articles() -> None:
    nlp = SharedNLP()
    for text in ["", "Yes.", "OK then."]:
        result = ClaimsAnalyser(profile="fast").run(Article(text=text), nlp.doc(text), AnalysisContext(profile="fast"))
        assert result.claims == []


def test_config_threshold_overrides_the_calibrated_one() -> None:
    text = "Unemployment fell to 3.5 percent in 2019. We love this town."
    nlp = SharedNLP()
    strict = ClaimsAnalyser({"threshold": 1.0}, profile="fast").run(
        Article(text=text), nlp.doc(text), AnalysisContext(profile="fast")
    )
    assert strict.threshold == 1.0 and not strict.checkworthy


def test_near_ties_rank_the_more_specific_claim_first() -> None:
    from newsprobe.analyse.claims.analyser import Claim, ClaimFigure, ranked

    def claim(start: int, score: float, figures: int) -> Claim:
        marks = [ClaimFigure(start=start, end=start + 1, text="1", kind="number")] * figures
        return Claim(start=start, end=start + 5, rank=0, text="x", score=score, checkworthy=True, figures=marks)

    vague, specific, clear_winner = claim(0, 0.9265, 0), claim(10, 0.9261, 1), claim(20, 0.95, 0)
    assert [c.start for c in ranked([vague, specific, clear_winner])] == [20, 10, 0]
    assert [c.start for c in ranked([claim(0, 0.80, 0), claim(10, 0.80, 0)])] == [0, 10]


def test_sentences_that_are_not_statements_are_labelled_not_a_claim() -> None:
    parts = [
        "Is Google Stadia the future of gaming?",
        "SEAN SPICER ELIMINATED FROM DANCING WITH THE STARS",
        "Officials did not immediately provide any other details.",
        "Still four Thunderbolt 3 ports on the new laptop",
        "| DL | Myles Garrett | 57 | 77% | 1 tackle (1 combined).",
        "Tested by: John Milbank RRP: £23.99 More info: www.clymer.co.uk",
        "Asian Chicken Zoodles [1 cup zucchini noodles, 8 oz. cooked chicken, ½ cup edamame, 1 tsp. sesame oil]",
        "Unemployment fell to 3.5 percent in 2019, the lowest rate since 1969.",
    ]
    text = "\n\n".join(parts)
    result = ClaimsAnalyser(profile="fast").run(
        Article(text=text), SharedNLP().doc(text), AnalysisContext(profile="fast")
    )
    by_text = {part: next(c for c in result.claims if part.startswith(c.text)) for part in parts}
    reasons = [by_text[part].reason for part in parts]
    assert reasons[:7] == [
        "a question",
        "all capitals: a heading or teaser",
        "a stock phrase of news writing",
        "no verb: a heading, caption or fragment",
        "a table row",
        "the fields of a fact box",
        "an ingredient list",
    ]
    for part in parts[:7]:
        claim = by_text[part]
        assert (claim.label, claim.score, claim.checkworthy) == ("not a claim", 0.0, False)
    statement = by_text[parts[7]]
    assert statement.reason is None and statement.label in ("check-worthy", "lower priority")
    assert statement.checkworthy == (statement.label == "check-worthy") and result.claims[0] is statement


def test_a_sentence_said_again_word_for_word_is_listed_once() -> None:
    claim = "Unemployment fell to 3.5 percent in 2019, the lowest rate since 1969."
    text = f"{claim}\n\nThe minister spoke on Monday.\n\n{claim.upper()[:1]}{claim[1:]}"
    result = ClaimsAnalyser(profile="fast").run(
        Article(text=text), SharedNLP().doc(text), AnalysisContext(profile="fast")
    )
    first, *_, again = sorted(result.claims, key=lambda c: c.start)
    assert first.reason is None and first.score > 0
    assert (again.label, again.reason, again.score) == ("not a claim", "repeats an earlier sentence", 0.0)


def test_teasers_on_a_page_never_become_claims() -> None:
    from newsprobe.extract import extract
    from newsprobe.ingest import from_html

    body = [
        "MOSCOW (Reuters) -",
        "Russia's foreign ministry said on Tuesday that talks with the United States had stalled since June.",
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "Also on rt.com Moscow slams US-led coalition for sparing terrorists in Syria",
        "China furious at Macron for Hong Kong protest jibe [REACTION]",
        "The ministry said 40 percent of the agreed convoys had not reached the city of Aleppo.",
    ]
    html = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in body) + "</article></body></html>"
    article = extract(from_html(html, url="https://example.org/story"))
    result = Pipeline(["claims"], profile="fast").run(article).results["claims"]
    texts = " ".join(claim.text for claim in result.claims)
    assert "SEE MORE" not in texts and "Also on rt.com" not in texts and "REACTION" not in texts
    assert "(Reuters)" not in texts and any("40 percent" in claim.text for claim in result.claims)


@pytest.mark.parametrize(
    ("text", "label", "checkable"),
    [
        ("3.38%", "PERCENT", True),
        ("1889", "DATE", True),
        ("Fifty-one percent", "PERCENT", True),
        ("five", "CARDINAL", True),
        ("about half", "CARDINAL", True),
        ("seventh", "ORDINAL", True),
        ("Friday", "DATE", True),
        ("last week", "DATE", True),
        ("mid-November", "DATE", True),
        ("less than a week", "DATE", True),
        ("around midnight", "TIME", True),
        ("CLc1", "CARDINAL", False),  # a Reuters instrument code
        ("A350", "DATE", False),  # an aircraft
        ("the day", "DATE", False),
        ("overnight", "TIME", False),
        ("seasonal", "DATE", False),
        ("hours", "TIME", False),
        ("up to", "CARDINAL", False),
        ("Quattro", "CARDINAL", False),
    ],
)
def test_a_figure_is_something_a_fact_checker_can_check(text: str, label: str, checkable: bool) -> None:
    assert is_checkable_figure(text, label) is checkable


def test_instrument_codes_and_vague_days_are_no_figures_of_a_claim() -> None:
    sentence = (
        "U.S. crude CLc1 fell 3.38% to $55.12 per barrel and Brent LCOc1 was last at $60.73, down 2.74% on the day."
    )
    outcome = Pipeline(["claims"], profile="accurate").run(Article(text=f"Markets\n\nOil fell on Tuesday. {sentence}"))
    claim = next(c for c in outcome.results["claims"].claims if c.text == sentence)
    figures = [figure.text for figure in claim.figures]
    assert "3.38%" in figures and "2.74%" in figures
    assert "CLc1" not in figures and "the day" not in figures
