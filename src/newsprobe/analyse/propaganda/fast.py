"""The `fast` propaganda model: hashed lexical features, linear token tagger (SI, mixed into the static
tagger's) and linear span classifier (TC). Runs on numpy alone; weights live in models/propaganda/fast.npz.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

from .._numeric import sigmoid, softmax
from .techniques import TECHNIQUE_NAMES
from .text import Token, lower_words, sentences, tokenize

__all__ = ["FastModel", "hash_features", "sentence_features", "span_features", "token_feature_columns"]

BITS = 18
_QUOTE_CHARS = frozenset('"“”«»')
_WORD = re.compile(r"\w")


def hash_features(features: list[str], bits: int = BITS) -> np.ndarray:
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, features)), dtype=np.int64, count=len(features))
    return hashes & ((1 << bits) - 1)


def _shape(word: str) -> str:
    if word.isupper() and len(word) > 1:
        return "X"
    if word[:1].isupper():
        return "Xx"
    if word.isdigit():
        return "d"
    return "x" if _WORD.match(word) else "p"


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def sentence_features(text: str) -> list[str]:
    words = lower_words(text)
    feats = [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in pairwise(words)]
    feats.append(f"len={_bucket(len(words), (5, 10, 20, 35, 50))}")
    return feats + ["bias"]


def token_feature_columns(
    tokens: list[Token], lower: list[str], counts: Counter[str], in_quote: list[bool], sentence_bands: list[int]
) -> list[list[str]]:
    """The features of every token, one list per feature template (built template by template: a Python
    call per token and template costs more than the tagging itself). `lower` holds the lower-cased texts."""
    padded = ["<s>", "<s>", *lower, "<s>", "<s>"]
    n = len(lower)
    before, after = padded[1 : n + 1], padded[3 : n + 3]
    shapes = {text: _shape(text) for text in {t.text for t in tokens}}
    repeats = {word: _bucket(count, (2, 4, 8)) for word, count in counts.items()}
    return [
        ["bias"] * n,
        [f"w={w}" for w in lower],
        [f"sh={shapes[t.text]}" for t in tokens],
        [f"suf={w[-3:]}" for w in lower],
        [f"w-1={w}" for w in before],
        [f"w+1={w}" for w in after],
        [f"w-2={w}" for w in padded[:n]],
        [f"w+2={w}" for w in padded[4 : n + 4]],
        [f"b-={b}_{w}" for b, w in zip(before, lower, strict=True)],
        [f"b+={w}_{a}" for w, a in zip(lower, after, strict=True)],
        [f"q={q}" for q in in_quote],
        [f"rep={repeats[w]}" for w in lower],
        [f"sent={band}" for band in sentence_bands],
        [f"sent_w={band}_{w}" for band, w in zip(sentence_bands, lower, strict=True)],
        [f"q_w={q}_{w}" for q, w in zip(in_quote, lower, strict=True)],
    ]


def span_features(text: str, start: int, end: int, counts: Counter[str]) -> list[str]:
    span = text[start:end]
    words = lower_words(span) or ["<empty>"]
    left = lower_words(text[max(0, start - 40) : start])[-3:]
    right = lower_words(text[end : end + 40])[:3]
    normalised = " ".join(words)
    feats = [f"u={w}" for w in words] + [f"b={a}_{b}" for a, b in pairwise(words)]
    feats += [f"l={w}" for w in left] + [f"r={w}" for w in right]
    feats += [
        "bias",
        f"first={words[0]}",
        f"last={words[-1]}",
        f"nw={_bucket(len(words), (2, 3, 4, 6, 9, 14, 20, 30))}",
        f"rep={_bucket(counts[normalised], (2, 3, 5))}",
        f"q={any(c in _QUOTE_CHARS for c in span)}",
        f"ask={'?' in span or '?' in text[end : end + 2]}",
        f"bang={'!' in span}",
        f"caps={span.isupper()}",
        f"cap0={span[:1].isupper()}",
        f"sent_end={bool(re.match(r'[.!?]', text[end : end + 1]))}",
    ]
    return feats


def _quote_mask(text: str, tokens: list[Token]) -> list[bool]:
    inside, mask, quote_positions = False, [], []
    for position, char in enumerate(text):
        if char in _QUOTE_CHARS:
            quote_positions.append(position)
    flips = iter(quote_positions + [len(text) + 1])
    next_flip = next(flips)
    for token in tokens:
        while token.start >= next_flip:
            inside = not inside
            next_flip = next(flips)
        mask.append(inside)
    return mask


@dataclass
class FastModel:
    token_weights: np.ndarray  # (2**BITS,)
    sentence_weights: np.ndarray  # (2**BITS,)
    span_weights: np.ndarray  # (2**BITS, n_techniques)
    span_bias: np.ndarray  # (n_techniques,)

    @classmethod
    def load(cls, path: Path) -> FastModel:
        data = np.load(path)
        return cls(
            token_weights=data["token_weights"].astype(np.float32),
            sentence_weights=data["sentence_weights"].astype(np.float32),
            span_weights=data["span_weights"].astype(np.float32),
            span_bias=data["span_bias"].astype(np.float32),
        )

    def sentence_bands(self, text: str, tokens: list[Token]) -> list[int]:
        """Per token: the propaganda score of its sentence, in 4 bands."""
        bands, k = [], 0
        bounds = sentences(text)
        scores = [float(self.sentence_weights[hash_features(sentence_features(text[a:b]))].sum()) for a, b in bounds]
        for token in tokens:
            while k < len(bounds) - 1 and token.start >= bounds[k][1]:
                k += 1
            score = scores[k] if bounds else 0.0
            bands.append(_bucket(score, (-2.0, -1.0, 0.0, 1.0)))
        return bands

    def token_feature_columns(self, text: str) -> tuple[list[Token], list[list[str]]]:
        tokens = tokenize(text)
        lower = [t.text.lower() for t in tokens]
        columns = token_feature_columns(
            tokens, lower, Counter(lower), _quote_mask(text, tokens), self.sentence_bands(text, tokens)
        )
        return tokens, columns

    def token_feature_lists(self, text: str) -> tuple[list[Token], list[list[str]]]:
        """Each token's features (training reads them token by token)."""
        tokens, columns = self.token_feature_columns(text)
        return tokens, [list(features) for features in zip(*columns, strict=True)]

    def token_probabilities(self, text: str) -> tuple[list[Token], np.ndarray]:
        tokens, columns = self.token_feature_columns(text)
        if not tokens:
            return tokens, np.zeros(0, dtype=np.float32)
        scores = sum(self.token_weights[hash_features(column)] for column in columns)
        return tokens, sigmoid(scores)

    def technique_probabilities(self, text: str, bounds: list[tuple[int, int]]) -> np.ndarray:
        if not bounds:
            return np.zeros((0, len(TECHNIQUE_NAMES)), dtype=np.float32)
        counts = ngram_counts(text)
        feature_lists = [span_features(text, start, end, counts) for start, end in bounds]
        rows = _summed(self.span_weights, feature_lists) + self.span_bias
        return softmax(rows)


def _summed(weights: np.ndarray, feature_lists: list[list[str]]) -> np.ndarray:
    """Per list of features, the sum of their hashed weight rows (one hashing pass for all lists)."""
    lengths = [len(f) for f in feature_lists]
    indices = hash_features([f for fs in feature_lists for f in fs])
    summed: np.ndarray = np.add.reduceat(weights[indices], np.cumsum([0, *lengths[:-1]]))
    return summed


@lru_cache(maxsize=4)
def ngram_counts(text: str, longest: int = 6) -> Counter[str]:
    """How often each word n-gram (n ≤ longest) occurs in the article: the repetition signal (cached:
    an article's spans are classified in a few calls; callers only read it)."""
    words = lower_words(text)
    counts: Counter[str] = Counter()
    for n in range(1, longest + 1):
        counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    return counts
