"""The article's sentences, split one way for every analyser that counts or scores them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .spans import CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MIN_WORDS", "article_sentences", "long_enough", "sentence_bounds", "word_count"]

MIN_WORDS = 3  # shorter pieces ("Read more.", a lone dateline) are not counted as sentences

_WORD = re.compile(r"[^\W\d_]{2,}|\b[^\W\d_]\b")


def sentence_bounds(text: str, doc: Doc) -> list[CharSpan]:
    """spaCy sentences (the shared pipeline starts one after every line break), trimmed."""
    bounds = []
    for sentence in doc.sents:
        piece = text[sentence.start_char : sentence.end_char]
        stripped = piece.strip()
        if stripped:
            first = sentence.start_char + len(piece) - len(piece.lstrip())
            bounds.append((first, first + len(stripped)))
    return bounds


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def long_enough(text: str, bounds: list[CharSpan], min_words: int = MIN_WORDS) -> list[CharSpan]:
    """The pieces of `bounds` with at least `min_words` words: the ones counted as sentences."""
    return [(start, end) for start, end in bounds if word_count(text[start:end]) >= min_words]


def article_sentences(text: str, doc: Doc, min_words: int = MIN_WORDS) -> list[CharSpan]:
    """The sentences of `sentence_bounds` with at least `min_words` words."""
    return long_enough(text, sentence_bounds(text, doc), min_words)
