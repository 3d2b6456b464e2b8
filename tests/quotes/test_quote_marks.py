"""Quote-mark finder: every style, nesting, apostrophes, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprobe.analyse._quote_marks import find_quotes


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
    ],
)
def test_every_quote_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_nested_quotes_give_the_outer_quote() -> None:
    assert quoted("She said “he called it ‘a farce’ twice” then.") == ["“he called it ‘a farce’ twice”"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("Russia’s view, don’t ask, the Smiths’ house") == []


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
