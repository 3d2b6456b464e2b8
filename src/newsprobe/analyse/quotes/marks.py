"""Find quoted passages in text: every quote style, nesting, quotes running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import DOUBLE_OPENERS, QUOTE_PAIRS, SINGLE_OPENERS

__all__ = ["QuoteRegion", "align_to_quotes", "ending_with_its_quote", "find_quotes"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class QuoteRegion:
    """An outermost quoted passage, marks included; `start`/`end` are str offsets, end exclusive."""

    start: int
    end: int
    closed: bool = True


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


# what follows a misplaced apostrophe ("isn ‘t", "it ‘s"): no quote starts with these
# (a space follows: "‘s–t show,’" and "a ‘D-‘ rating" are quotes)
_CONTRACTION_TAIL = re.compile(r"(?:t|s|re|ll|ve|d|m)(?=\s)", re.IGNORECASE)


def _opens_single(text: str, i: int) -> bool:
    """‘ opens a quote after space/punctuation; an apostrophe inside a word does not, nor one typed as the
    opening mark before a contraction's tail ("isn ‘t slowing" had quoted the rest of the paragraph)."""
    return (i == 0 or not _is_word_char(text[i - 1])) and not _CONTRACTION_TAIL.match(text, i + 1)


def _closes_single(text: str, i: int) -> bool:
    """’ closes a quote unless a letter follows (don’t, Russia’s)."""
    return i + 1 >= len(text) or not text[i + 1].isalpha()


def _straight_opens(text: str, i: int) -> bool:
    """A straight quote opens unless it sits right after a word (12" screens)."""
    return i == 0 or not _is_word_char(text[i - 1])


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]


def _next_paragraph_start(text: str, break_at: int) -> int:
    m = _PARAGRAPH_BREAK.match(text, break_at)
    return m.end() if m else break_at


_MARK = re.compile(r"''|[“”„«»\"‘’‹›「」]")


def _mark_opens(mark: str, text: str, i: int) -> bool:
    if mark in {'"', "''"}:
        return _straight_opens(text, i)
    if mark == "”":  # a closing mark typed to open a line: '”What is most infuriating is that …' ― Nell Carden Grey
        return (i == 0 or text[i - 1] == "\n") and i + 1 < len(text) and text[i + 1].isalnum()
    if mark in DOUBLE_OPENERS:
        return True
    if mark in SINGLE_OPENERS:
        return _opens_single(text, i)
    return False


def _mark_closes(opener: str, mark: str, text: str, i: int) -> bool:
    if opener == "''":
        return mark == "''"
    if mark not in QUOTE_PAIRS.get(opener, ()):
        return False
    if mark == opener == "“" and _opens_a_quote_inside(text, i):
        return False  # a quote inside a quote in the same marks: 'I’d rather live in what he calls “hell” than …'
    return _closes_single(text, i) if mark == "’" else True


_INNER_QUOTE = re.compile(r"(?<=\w )“\w[^“”\n]{0,80}”")


def _opens_a_quote_inside(text: str, i: int) -> bool:
    """A “ inside an open quote opens a quote of its own when it stands between a word and a space before it and a
    letter after it, and a ” closes it soon after: 'what he calls “hell” than'. After a sentence's end it closes
    the quote, typed the wrong way ('… something else. “The insistence …': a paragraph that reopens the quote, in a
    text whose paragraphs were joined), and so does a closing “ after a word: „wir stimmen zu“."""
    return _INNER_QUOTE.match(text, i) is not None


def find_quotes(text: str) -> list[QuoteRegion]:
    """Outermost quoted regions in document order.

    A double quote left open at a paragraph end continues when the next paragraph opens with
    a quote mark (the English convention for multi-paragraph quotes); otherwise it ends there.
    Two apostrophes ('') count as a double quote mark (a newspaper-archive convention).
    """
    regions: list[QuoteRegion] = []
    stack: list[tuple[str, int]] = []
    para_ends = _paragraph_ends(text)
    p = 0
    continued_at = -1
    for match in _MARK.finditer(text):
        i, mark = match.start(), match.group()
        while p < len(para_ends) and para_ends[p] <= i:
            if stack:
                nxt = _next_paragraph_start(text, para_ends[p])
                if text.startswith(stack[0][0], nxt) and stack[0][0] in DOUBLE_OPENERS | {"''"}:
                    stack = stack[:1]
                    continued_at = nxt
                else:
                    regions.append(QuoteRegion(stack[0][1], para_ends[p], closed=False))
                    stack = []
            p += 1
        if i == continued_at:
            continue
        if stack and _mark_closes(stack[-1][0], mark, text, i):
            _, start = stack.pop()
            if not stack:
                regions.append(QuoteRegion(start, match.end()))
        elif _mark_opens(mark, text, i):
            stack.append((mark, i))
    if stack:
        last = stack[-1][1]
        end = next((e for e in para_ends if e > last), len(text))
        regions.append(QuoteRegion(stack[0][1], end, closed=False))
    return [r for r in regions if r.end - r.start > 2]


_UTTERANCE_END = ",.!?;:…"


def _ends_utterance(text: str, q: QuoteRegion) -> bool:
    """The quoted words close with punctuation inside the marks: a finished utterance."""
    inner = text[q.start : q.end].rstrip("\"”“»’'‘ ")
    return bool(inner) and inner[-1] in _UTTERANCE_END


def _split_at_quotes(text: str, span: tuple[int, int], inside: list[QuoteRegion]) -> list[tuple[int, int]]:
    """A span that opens with a finished quote and runs on into narrative keeps only its quotes:
    “…,” Blige sings, “…” → the two quotes; “That makes me smart,” when Clinton … → the quote."""
    start, end = span
    if not inside or inside[0].start > start or not _ends_utterance(text, inside[0]) or inside[-1].end >= end:
        return [span]
    return [(q.start, q.end) for q in inside]


def ending_with_its_quote(span: tuple[int, int], quotes: list[QuoteRegion]) -> tuple[int, int]:
    """A content that opens inside a quote ends where the quote closes: 'Customers “began to say | we want you to do
    this and that,” Cook told Benioff, …' is what the customers said, not what Cook told."""
    start, end = span
    closing = next((q.end for q in quotes if q.closed and q.start < start < q.end < end), None)
    return (start, closing) if closing is not None else span


def align_to_quotes(
    text: str, spans: list[tuple[int, int]], quotes: list[QuoteRegion], slack: int = 3
) -> list[tuple[int, int]]:
    """Make content spans that start at a quoted passage follow its marks.

    A span that starts at a quote's opening mark but stops inside it runs on to the closing
    mark (in its paragraph); one that starts at a quote and runs on into narrative is cut to its
    quotes. A lead-in before a quote stays: PolNeAR's annotators keep it ("she has the quality
    for the job: “Steadiness …”").
    """
    aligned: list[tuple[int, int]] = []
    for start, end in spans:
        covering = [q for q in quotes if q.start - slack <= start < q.end]
        if covering and covering[0].closed and end < covering[0].end and "\n" not in text[end : covering[0].end]:
            end = covering[0].end
        inside = [q for q in quotes if start - slack <= q.start and q.end <= end]
        if covering and covering[0].start >= start - slack:
            aligned.extend(_split_at_quotes(text, (min(start, covering[0].start), end), inside))
            continue
        aligned.append((start, end))
    return aligned
