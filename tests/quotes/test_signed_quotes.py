"""Quotes signed with a dash and a name (reader testimonials, epigraphs) and transcript lines."""

from __future__ import annotations

import pytest

from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import find_attributions
from newsprobe.document import Article


@pytest.fixture(scope="module")
def fast_pipeline() -> Pipeline:
    return Pipeline(["quotes"], profile="fast")


def _signed(dash: str, gap: str) -> str:
    return (
        "Readers wrote to us after the debate.\n\n"
        f"“The candidate has no plan for the border and no plan for the economy.”{gap}{dash}{gap}Carla Sanchez\n"
        f"“We deserve better answers than the ones we heard tonight.”{gap}{dash}{gap}Jorge A. Falcon.\n"
    )


def _sources(result) -> dict[str, list[str]]:
    return {a.content[0].text[:20]: [s.text for s in a.source] for a in result.attributions}


@pytest.mark.parametrize("gap", ["", " ", "\u00a0", " \u00a0"])
@pytest.mark.parametrize("dash", ["―", "—", "–", "--"])
def test_dash_after_a_quote_names_its_source(analyse_quotes, fast_pipeline: Pipeline, dash: str, gap: str) -> None:
    text = _signed(dash, gap)
    for result in (analyse_quotes(text), fast_pipeline.run(Article(text=text)).results["quotes"]):
        sources = _sources(result)
        assert sources["“The candidate has n"] == ["Carla Sanchez"]
        assert sources["“We deserve better a"] == ["Jorge A. Falcon"]


def test_a_dash_followed_by_more_sentence_is_not_a_signature(fast_pipeline: Pipeline) -> None:
    doc = fast_pipeline.nlp.doc("“We will win the state.” -- Trump repeated the claim on Tuesday in Ohio.\n")
    assert not [a for a in find_attributions(doc, find_quotes(doc.text)) if a.kind == "dash"]


def test_transcript_lines_are_attributed_to_their_speaker_label(analyse_quotes, fast_pipeline: Pipeline) -> None:
    text = (
        "Pence appeared on Fox News Sunday.\n\n"
        "WALLACE: Will Gennifer Flowers be at the debate, sir?\n\n"
        '"PENCE: She will not be attending the debate tomorrow night.\n\n'
        "UPDATE: This story has been corrected.\n"
    )
    for result in (analyse_quotes(text), fast_pipeline.run(Article(text=text)).results["quotes"]):
        lines = {" ".join(s.text for s in a.source): a for a in result.attributions if a.cue and a.cue[0].text == ":"}
        assert set(lines) == {"WALLACE", "PENCE"}
        assert lines["PENCE"].content[0].text == "She will not be attending the debate tomorrow night"


def test_a_lone_line_in_capitals_and_a_colon_is_a_dateline_not_a_transcript(analyse_quotes) -> None:
    text = (
        "NEW DELHI: Their American dream shattered, nearly 150 Indians returned home on Wednesday.\n\nThey were sad.\n"
    )
    assert not [a for a in analyse_quotes(text).attributions if a.cue and a.cue[0].text == ":"]
