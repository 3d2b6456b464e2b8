"""A quote standing alone as a sentence inside a paragraph continues the attribution before it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprobe.analyse.quotes.marks import find_quotes
from newsprobe.analyse.quotes.rules import RawAttribution, attach_continuations

SPLIT = "“We had problems with intrusions before,” Obama said after meeting Putin. He did not suggest retaliation. “Our goal is norms.”"


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _said(text: str, content: str, cue: str) -> RawAttribution:
    return RawAttribution(cue=[_span(text, cue)], content=[_span(text, content)])


def test_a_later_quote_sentence_joins_the_quote_attribution_not_the_nearest_cue() -> None:
    obama = _said(SPLIT, "“We had problems with intrusions before,”", "said")
    retaliation = RawAttribution(
        cue=[_span(SPLIT, "did not suggest")],
        content=[_span(SPLIT, "retaliation"), _span(SPLIT, "“Our goal is norms.”")],
    )
    kept = attach_continuations(SPLIT, [obama, retaliation], find_quotes(SPLIT))
    assert [SPLIT[s:e] for s, e in obama.content] == [
        "“We had problems with intrusions before,”",
        "“Our goal is norms.”",
    ]
    assert [SPLIT[s:e] for s, e in retaliation.content] == ["retaliation"]
    assert kept == [obama, retaliation]


def test_an_attribution_left_without_content_is_dropped() -> None:
    text = "“Taxes will rise,” she said. “Nobody wants that to happen.”"
    first = _said(text, "“Taxes will rise,”", "said")
    uncued = RawAttribution(cue=[], content=[_span(text, "“Nobody wants that to happen.”")], kind="quote")
    assert attach_continuations(text, [first, uncued], find_quotes(text)) == [first]
    assert len(first.content) == 2


def test_a_quote_followed_by_its_own_cue_stays_apart() -> None:
    text = "“Taxes will rise,” she said. “Nobody wants that,” he replied."
    first = _said(text, "“Taxes will rise,”", "said")
    second = RawAttribution(cue=[_span(text, "replied")], content=[_span(text, "“Nobody wants that,”")])
    attach_continuations(text, [first, second], find_quotes(text))
    assert len(first.content) == 1 and len(second.content) == 1


def test_no_continuation_over_a_paragraph_break_or_after_indirect_speech() -> None:
    text = (
        "“Taxes will rise,” she said.\n“Nobody wants that to happen.”\nHe said taxes would fall. “They will fall fast.”"
    )
    first = _said(text, "“Taxes will rise,”", "said")
    indirect = _said(text, "taxes would fall", "He said")
    attach_continuations(text, [first, indirect], find_quotes(text))
    assert len(first.content) == 1 and len(indirect.content) == 1


def test_split_quote_end_to_end(analyse_quotes) -> None:
    result = analyse_quotes(SPLIT)
    owner = next(a for a in result.attributions if a.content[0].text.startswith("“We had"))
    assert [c.text for c in owner.content][-1] == "“Our goal is norms.”"
    assert [s.text for s in owner.source] == ["Obama"]


_pieces = st.lists(st.sampled_from(["“", "”", '"', ". ", "said ", "\n", "word ", "A ", "?"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_pieces, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), min_size=1, max_size=6))
def test_contents_stay_inside_the_text_and_nonempty(pieces: list[str], bounds: list[tuple[int, int]]) -> None:
    text = "".join(pieces) or "x"
    atts = []
    for a, b in bounds:
        start, end = sorted((a % len(text), b % (len(text) + 1)))
        if end > start:
            atts.append(RawAttribution(cue=[(start, start + 1)], content=[(start, end)]))
    for att in attach_continuations(text, atts, find_quotes(text)):
        assert att.content
        assert all(0 <= s < e <= len(text) for s, e in att.content)
