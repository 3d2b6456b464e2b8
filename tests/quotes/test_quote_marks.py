"""Quote-mark finder: every style, nesting, apostrophes, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse.quotes.marks import align_to_quotes, find_quotes


def quoted(text: str) -> list[str]:
    return [text[r.start : r.end] for r in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we agree” today.", ["“we agree”"]),
        ('He said "we agree" today.', ['"we agree"']),
        ("Er sagte „wir stimmen zu“ heute.", ["„wir stimmen zu“"]),
        ("Il a dit « nous sommes d’accord » hier.", ["« nous sommes d’accord »"]),
        ("He called it ‘a farce’ and left.", ["‘a farce’"]),
        ("He said ''we agree,'' and left.", ["''we agree,''"]),
        # a straight and a curly double mark pair with each other (copy edited by hand)
        ('"We agree,” Gorski said. “And more.”', ['"We agree,”', "“And more.”"]),
        ('“No deals," Chaffetz said, adding they were "like candy."', ['“No deals,"', '"like candy."']),
    ],
)
def test_every_quote_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_nested_quotes_give_the_outer_quote() -> None:
    assert quoted("She said “he called it ‘a farce’ twice” then.") == ["“he called it ‘a farce’ twice”"]
    nested = "“I’d rather live in what he calls “hell” than live in a world where he is president.” ― Adriana Rodarte"
    assert quoted(nested) == [nested[: nested.index(" ―")]]  # the inner quote in the same marks
    joined = "“These remarks are shameful. The script is familiar. “The insistence is mystifying,” she said."
    assert quoted(joined)[0].endswith("familiar. “")  # a paragraph reopening the quote in a joined text: no nesting


def test_a_mark_typed_the_wrong_way_round_still_pairs() -> None:
    assert quoted("He said “we agree“ today.") == ["“we agree“"]  # a closing mark typed as an opening one
    line = "”What is most infuriating is that he draws attention away.” ― Nell Carden Grey"
    assert quoted(f"Intro.\n{line}") == [line[: line.index(" ―")]]  # and an opening one typed as a closing one
    assert quoted("“We agree,” he said.”") == ["“We agree,”"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("Russia’s view, don’t ask, the Smiths’ house") == []


def test_an_apostrophe_typed_as_an_opening_mark_opens_no_quote() -> None:
    """SlashGear: "the automaker isn ‘t slowing down …" had quoted the rest of the paragraph as words of "You"."""
    text = "The automaker isn ‘t slowing down, and it ‘s clear. “It is,” he said. They ‘d say it ‘ll work."
    assert quoted(text) == ["“It is,”"]
    assert quoted("He called it ‘a farce’ and ‘tis a pity’, ‘still’.") == ["‘a farce’", "‘tis a pity’", "‘still’"]
    assert quoted("He calls Libya a ‘s–t show,’ in part. A ‘D-‘ rating.") == ["‘s–t show,’", "‘D-‘ rating."]  # PolNeAR


def test_quote_running_over_paragraphs_continues_when_next_paragraph_reopens() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said."
    assert quoted(text) == [text[: text.index("”") + 1]]


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "He said “this never closes.\n\nA new paragraph without marks."
    regions = find_quotes(text)
    assert len(regions) == 1 and not regions[0].closed
    assert text[regions[0].start : regions[0].end] == "“this never closes."


@given(st.lists(st.sampled_from(["word", " ", "“", "”", '"', "‘", "’", "''", "\n\n", ",", "x’s"]), max_size=40))
def test_regions_are_ordered_disjoint_and_in_bounds(parts: list[str]) -> None:
    text = "".join(parts)
    regions = find_quotes(text)
    last_end = 0
    for region in regions:
        assert last_end <= region.start < region.end <= len(text)
        last_end = region.end


def aligned(text: str, pieces: list[str]) -> list[str]:
    spans = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    return [text[s:e] for s, e in align_to_quotes(text, spans, find_quotes(text))]


def test_content_cut_inside_a_quote_runs_on_to_its_closing_mark() -> None:
    text = "“Immunity deals should not be a requirement,” she said."
    assert aligned(text, ["“Immunity deals should not be"]) == ["“Immunity deals should not be a requirement,”"]


def test_content_running_from_a_finished_quote_into_narrative_keeps_the_quote() -> None:
    text = "“That makes me smart,” when Clinton blasted him for it."
    assert aligned(text, [text[:-1]]) == ["“That makes me smart,”"]


def test_quote_split_around_its_cue_keeps_both_quoted_parts() -> None:
    text = "“We agree,” Lavrov said, “on the ceasefire.” Then he left."
    assert aligned(text, ["“We agree,” Lavrov said, “on the ceasefire.” Then he left"]) == [
        "“We agree,”",
        "“on the ceasefire.”",
    ]


def test_lead_in_and_partial_quotes_stay_as_they_are() -> None:
    text = 'She has the quality for the job: "Steadiness." He called it "a farce" and left.'
    pieces = ['She has the quality for the job: "Steadiness."', 'it "a farce" and left']
    assert aligned(text, pieces) == pieces


def test_extension_stops_at_the_paragraph_end() -> None:
    text = '"First part of a long quote\n\n"which goes on here."'
    assert aligned(text, ['"First part']) == ['"First part']


@given(st.lists(st.sampled_from(["“", "”", '"', "’", "a", " ", "said", ",", ".", "\n"]), max_size=40), st.data())
def test_aligned_spans_stay_in_bounds_and_non_empty(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    for s, e in align_to_quotes(text, [(start, end)], find_quotes(text)):
        assert 0 <= s < e <= len(text)
