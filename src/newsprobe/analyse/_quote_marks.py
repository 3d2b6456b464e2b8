"""Find quoted passages in text: every quote style, nesting, quotes running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._quote_cues import DOUBLE_OPENERS, QUOTE_PAIRS, SINGLE_OPENERS

__all__ = ["QuoteRegion", "find_quotes"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class QuoteRegion:
    """An outermost quoted passage, marks included; `start`/`end` are str offsets, end exclusive."""

    start: int
    end: int
    closed: bool = True


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens_single(text: str, i: int) -> bool:
    """‘ opens a quote after space/punctuation; an apostrophe inside a word does not."""
    return i == 0 or not _is_word_char(text[i - 1])


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
    return _closes_single(text, i) if mark == "’" else True


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
