"""Plain-text helpers shared by the propaganda models: a regex tokenizer, sentences, span decoding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

import numpy as np

__all__ = ["DecodeSettings", "Token", "decode_spans", "sentences", "tokenize", "trim"]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of sentences: split at line breaks and at . ! ? before a capital."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


@dataclass(frozen=True)
class DecodeSettings:
    high: float  # a span needs one token at least this likely
    low: float  # and extends over neighbours at least this likely
    max_gap: int = 12  # merge spans this close (characters, same line)
    min_chars: int = 6


def _runs(probs: np.ndarray, low: float, high: float) -> list[tuple[int, int]]:
    """Token index runs above `low` that contain a token above `high` (hysteresis)."""
    runs, i = [], 0
    above = probs >= low
    while i < len(probs):
        if not above[i]:
            i += 1
            continue
        j = i
        while j < len(probs) and above[j]:
            j += 1
        if probs[i:j].max() >= high:
            runs.append((i, j))
        i = j
    return runs


_TRIM = " \t\r\n.,:;"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words (subword tokens), then shrink it so it neither starts nor ends on
    whitespace or . , : ; (as gold spans never do)."""
    while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


_SEPARATOR = re.compile(r"[.!?:\n]| - ")  # sentence ends and headline separators ("X: Y - Z")


def _mergeable(text: str, end: int, start: int, max_gap: int) -> bool:
    gap = text[end:start]
    return len(gap) <= max_gap and not _SEPARATOR.search(gap)


def decode_spans(
    text: str,
    offsets: list[tuple[int, int]],
    probs: np.ndarray,
    settings: DecodeSettings,
    breaks: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Token probabilities -> (start, end, confidence) character spans.

    Hysteresis runs close to each other are merged; `breaks[i]` true (a B tag) then starts a
    new span at token i inside a run.
    """
    runs: list[tuple[int, int]] = []
    for first, stop in _runs(probs, settings.low, settings.high):
        if runs and _mergeable(text, offsets[runs[-1][1] - 1][1], offsets[first][0], settings.max_gap):
            runs[-1] = (runs[-1][0], stop)
        else:
            runs.append((first, stop))
    spans: list[tuple[int, int, float]] = []
    for first, stop in runs:
        cuts = [i for i in range(first + 1, stop) if breaks is not None and breaks[i] and probs[i] >= settings.low]
        for a, b in pairwise([first, *cuts, stop]):
            start, end = trim(text, offsets[a][0], offsets[b - 1][1])
            if end - start >= settings.min_chars:
                spans.append((start, end, float(probs[a:b].max())))
    return spans
