"""Plain-text helpers shared by the propaganda models: a regex tokenizer and sentences."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "lower_words", "sentences", "tokenize"]

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def lower_words(text: str) -> list[str]:
    """The lower-cased texts of `tokenize(text)` (without building the tokens)."""
    return [token.lower() for token in _TOKEN.findall(text)]


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
