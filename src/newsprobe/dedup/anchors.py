"""Language-independent fingerprints of a text: what a translated copy keeps.

A story relayed in another language keeps its numbers, the names in it and its links. Names are
written in Latin script and folded onto a spelling key ("Лавров", "Lawrow" and "Lavrov" are one),
numbers are written without grouping ("1,200", "1 200" and "1.200" are 1200), links are reduced to
host and path. Two texts whose anchors overlap enough are copies across languages: a first step,
without a translation model (see `bench/crosslingual.py` for what it finds and what it misses).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ._anchor_patterns import (
    CAPITALISED,
    CYRILLIC_TO_LATIN,
    MIN_KEY_CHARS,
    MIN_NUMBER,
    NUMBER,
    SENTENCE_END,
    SPELLING_RULES,
    URL,
    VOWELS,
)

__all__ = [
    "AnchorMatch",
    "AnchorWeights",
    "MIN_ANCHORS",
    "MIN_CONTAINMENT",
    "compare_anchors",
    "name_key",
    "text_anchors",
]

MIN_ANCHORS = 6  # fewer shared anchors than this happen between any two stories on one topic
MIN_CONTAINMENT = 0.55  # weighted share of the smaller text's anchors the other must have (chosen on PTC train 0-299)


@dataclass(frozen=True)
class AnchorMatch:
    shared: frozenset[str]
    containment: float

    @property
    def is_copy(self) -> bool:
        return len(self.shared) >= MIN_ANCHORS and self.containment >= MIN_CONTAINMENT


def latin(text: str) -> str:
    """Cyrillic romanised, Latin diacritics dropped, lower case."""
    lowered = "".join(CYRILLIC_TO_LATIN.get(char, char) for char in text.lower())
    return "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def name_key(word: str) -> str | None:
    """One key for the spellings of a name: Latin script, folded spelling, the first letter and its consonants."""
    key = latin(word).replace("-", "")
    for before, after in SPELLING_RULES:
        key = key.replace(before, after)
    folded = key[:1] + "".join(c for c in key[1:] if c not in VOWELS)
    collapsed = "".join(c for i, c in enumerate(folded) if i == 0 or c != folded[i - 1])
    return "n:" + collapsed if len(collapsed) >= MIN_KEY_CHARS else None


def _opens_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position] in " \t":
        position -= 1
    return position < 0 or text[position] in SENTENCE_END


def _names(text: str) -> Iterable[str]:
    for match in CAPITALISED.finditer(text):
        word = match.group()
        if word[0].isupper() and not _opens_sentence(text, match.start()):
            key = name_key(word)
            if key:
                yield key


def _number(written: str) -> str | None:
    digits = "".join(c if c.isdigit() else "," for c in written.replace("\u00a0", " ").replace("\u202f", " "))
    parts = digits.replace(" ", ",").split(",")
    if len(parts) > 1 and len(parts[-1]) != 3:  # "3,5" / "3.5": a decimal
        value = "".join(parts[:-1]) + "." + parts[-1]
    else:
        value = "".join(parts)
    return "d:" + value.lstrip("0") if value and float(value) >= MIN_NUMBER else None


def _links(text: str, urls: Iterable[str]) -> Iterable[str]:
    for url in [*URL.findall(text), *urls]:
        parts = urlsplit(url if "://" in url else "http://" + url)
        host = parts.netloc.lower().removeprefix("www.")
        if host:
            yield "u:" + host + parts.path.rstrip("/.,;")


def text_anchors(text: str, urls: Iterable[str] = ()) -> frozenset[str]:
    """The text's language-independent anchors: 'n:' name keys, 'd:' numbers, 'u:' links."""
    numbers = (_number(match.group()) for match in NUMBER.finditer(text))
    return frozenset([*_names(text), *filter(None, numbers), *_links(text, urls)])


class AnchorWeights:
    """How telling each anchor is in a collection: log(N / texts with it), so "Trump" or "2017" weigh little."""

    def __init__(self, collection: Iterable[frozenset[str]]) -> None:
        self.frequency: Counter[str] = Counter()
        self.texts = 0
        for anchors in collection:
            self.frequency.update(anchors)
            self.texts += 1

    def weight(self, anchor: str) -> float:
        return math.log((self.texts + 1) / (self.frequency[anchor] + 1)) + 1e-3

    def total(self, anchors: Iterable[str]) -> float:
        return sum(self.weight(anchor) for anchor in anchors)


def compare_anchors(a: frozenset[str], b: frozenset[str], weights: AnchorWeights | None = None) -> AnchorMatch:
    """Shared anchors and the share of the smaller text's anchors (by weight, when weights are given) they are."""
    shared = a & b
    if not a or not b:
        return AnchorMatch(shared=shared, containment=0.0)
    if weights is None:
        return AnchorMatch(shared=shared, containment=len(shared) / min(len(a), len(b)))
    smaller = min(weights.total(a), weights.total(b))
    return AnchorMatch(shared=shared, containment=weights.total(shared) / smaller if smaller else 0.0)
