"""Clean the character boundaries of candidate spans: whole words, balanced quote marks, one line, no
function word at the end, no spans of function words alone. Works on (start, end) offsets from any tagger."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .words import CONTENTLESS_WORDS, LONE_EMPTY_WORDS, NO_SPAN_END_WORDS, QUOTED, SPAN_EDGE_PUNCTUATION, WORD_JOINERS

__all__ = ["quote_pairs", "tidy_span", "tidy_spans"]

MIN_CHARS = 3
TAKE_IN_FILLED = True
LONGEST_QUOTE_REACH = 80  # characters a span may grow to take in the rest of a quote it cuts
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_BRACKETED = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")


@lru_cache(maxsize=4)
def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of quoted passages, marks included (cached: each level of an article asks; callers
    only read it)."""
    return [m.span() for m in QUOTED.finditer(text)]


@lru_cache(maxsize=4)
def bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of innermost bracketed asides, brackets included."""
    return [m.span() for m in _BRACKETED.finditer(text)]


def _joins_word(text: str, left: int, right: int) -> bool:
    """Whether positions `left` and `right` (= left + 1) sit inside one word: letters or digits on both
    sides, or a hyphen or apostrophe between them ("Al-Nusra", "Coalition's")."""
    if not (0 <= left and right < len(text)):
        return False
    if text[left].isalnum() and text[right].isalnum():
        return True
    inner = text[right] if text[left].isalnum() else text[left]
    outer = right + 1 if text[left].isalnum() else left - 1
    return inner in WORD_JOINERS and 0 <= outer < len(text) and text[outer].isalnum()


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to whole words, then shrink off edge whitespace and . , : ; dashes."""
    while start < end and _joins_word(text, start - 1, start):
        start -= 1
    while start < end and _joins_word(text, end - 1, end):
        end += 1
    while start < end and (text[start] in SPAN_EDGE_PUNCTUATION or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in SPAN_EDGE_PUNCTUATION or text[end - 1].isspace()):
        end -= 1
    return start, end


def _balance(start: int, end: int, pairs: list[tuple[int, int]]) -> tuple[int, int]:
    """Take in the marks of a quoted passage or a bracketed aside the span cuts (or exactly fills); a span
    that cuts a long one is cut back to its side of the mark instead. `pairs` are in text order and do not overlap,
    so only those from the first that ends after the span's start are looked at (an article of 50,000
    quote marks has 25,000 pairs and as many spans)."""
    for left, right in pairs[bisect_right(pairs, start, key=lambda pair: pair[1]) :]:
        if left >= end:
            break
        cuts_open = start <= left < end < right  # opening mark inside, closing outside
        cuts_close = left < start < right <= end
        fills = TAKE_IN_FILLED and left + 1 == start and end == right - 1
        if (
            fills
            or (cuts_open and right - end <= LONGEST_QUOTE_REACH)
            or (cuts_close and start - left <= LONGEST_QUOTE_REACH)
        ):
            start, end = min(start, left), max(end, right)
        elif cuts_open:
            end = left
        elif cuts_close:
            start = right
    return start, end


def _end_at_its_quote(start: int, end: int, pairs: list[tuple[int, int]]) -> tuple[int, int]:
    """A span that opens a quote ends where the quote closes ("'Very Dangerous Game' of Sparing" is
    "'Very Dangerous Game'"): 80 of the 85 gold spans of the PTC training articles that open with a quote
    mark do. Not when another quote follows inside the span ("“unpersuasive,” “illogical,” and …")."""
    at = bisect_left(pairs, start, key=lambda pair: pair[0])
    if at == len(pairs) or pairs[at][0] != start or pairs[at][1] >= end:
        return start, end
    closing = pairs[at][1]
    after = bisect_left(pairs, closing, key=lambda pair: pair[0])
    if after < len(pairs) and pairs[after][0] < end:
        return start, end
    return start, closing


def _drop_trailing_function_words(text: str, start: int, end: int) -> tuple[int, int]:
    words = list(_WORD.finditer(text, start, end))
    while len(words) > 1 and words[-1].group().lower() in NO_SPAN_END_WORDS and words[-1].end() == end:
        end = words[-2].end()
        words.pop()
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, position = [], start
    for line in text[start:end].split("\n"):
        pieces.append((position, position + len(line)))
        position += len(line) + 1
    return pieces


def contentless(text: str) -> bool:
    words = _WORD.findall(text.lower())
    return all(w in CONTENTLESS_WORDS for w in words) or (len(words) == 1 and words[0] in LONE_EMPTY_WORDS)


def tidy_span(
    text: str, start: int, end: int, pairs: list[tuple[int, int]], brackets: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The clean spans left of one candidate: one per line it covers, none when nothing of substance remains."""
    cleaned = []
    for a, b in _lines(text, start, end):
        a, b = snap_to_words(text, *_balance(*_balance(*snap_to_words(text, a, b), pairs), brackets))
        a, b = _drop_trailing_function_words(text, *_end_at_its_quote(a, b, pairs))
        if b - a >= MIN_CHARS and not contentless(text[a:b]):
            cleaned.append((a, b))
    return cleaned


def tidy_spans(text: str, spans: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Clean spans in text order; spans that come to overlap (two word pieces of one word, a quote taken
    in from both sides) are joined, keeping the higher score."""
    pairs, brackets = quote_pairs(text), bracket_pairs(text)
    cleaned = sorted(
        (a, b, score) for start, end, score in spans for a, b in tidy_span(text, start, end, pairs, brackets)
    )
    joined: list[tuple[int, int, float]] = []
    for start, end, score in cleaned:
        if joined and start < joined[-1][1]:
            last = joined[-1]
            joined[-1] = (last[0], max(last[1], end), max(last[2], score))
        else:
            joined.append((start, end, score))
    return joined
