"""The lexical (fast) check-worthiness model: word n-grams + a few dense cues, one linear layer.

The weights ship as plain numpy arrays and a vocabulary list, so scoring needs only numpy.
`analyse_text` is also the analyzer the training script hands to scikit-learn, so the
features at training and run time are the same function.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from .cues import (
    CAUSE_WORDS,
    COMPARISON_WORDS,
    FIRST_PERSON,
    LAW_WORDS,
    MONTHS,
    OPINION_WORDS,
    PREDICTION_WORDS,
    QUANTITY_WORDS,
    REPORTING_WORDS,
)

__all__ = ["LexicalModel", "analyse_text", "dense_features", "DENSE_NAMES"]

_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|[%$€£?!]")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _shape(token: str) -> str:
    if token[0].isdigit():
        return "<year>" if _YEAR.match(token) else "<num>"
    return token.replace("’", "'")


def tokens(text: str) -> list[str]:
    return [_shape(token) for token in _TOKEN.findall(text.lower())]


def analyse_text(text: str) -> list[str]:
    """Unigrams and bigrams of normalised tokens (numbers -> <num>/<year>), with sentence bounds."""
    words = tokens(text)
    grams = list(words)
    bounded = ["<s>", *words, "</s>"]
    grams += [f"{a} {b}" for a, b in pairwise(bounded)]
    return grams


DENSE_NAMES = (
    "has_number",
    "has_percent_or_money",
    "has_year",
    "has_month",
    "quantity_words",
    "opinion_words",
    "first_person",
    "question",
    "exclamation",
    "log_length",
    "short",
    "claim_cause",
    "claim_law",
    "claim_prediction",
    "claim_comparison",
    "claim_reported",
)
CLAIM_TYPE_WORDS = (CAUSE_WORDS, LAW_WORDS, PREDICTION_WORDS, COMPARISON_WORDS, REPORTING_WORDS)


def dense_features(text: str) -> list[float]:
    words = tokens(text)
    counts = Counter(words)
    n = len(words)
    return [
        float(counts["<num>"] > 0),
        float(counts["%"] + counts["$"] + counts["€"] + counts["£"] > 0 or "percent" in counts),
        float(counts["<year>"] > 0),
        float(any(word in MONTHS for word in words)),
        min(3.0, float(sum(counts[w] for w in QUANTITY_WORDS))) / 3.0,
        min(3.0, float(sum(counts[w] for w in OPINION_WORDS))) / 3.0,
        float(any(word in FIRST_PERSON for word in words)),
        float("?" in counts),
        float("!" in counts),
        math.log1p(n) / 4.0,
        float(n < 6),
        *(min(2.0, float(sum(counts[w] for w in words_of_type))) / 2.0 for words_of_type in CLAIM_TYPE_WORDS),
    ]


@dataclass
class LexicalModel:
    """Sublinear TF-IDF (l2-normalised) over `analyse_text` grams + dense cues -> logistic score."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    word_weights: np.ndarray
    dense_weights: np.ndarray
    bias: float

    @classmethod
    def load(cls, folder: Path) -> LexicalModel:
        arrays = np.load(folder / "lexical.npz")
        terms = json.loads((folder / "lexical_vocabulary.json").read_text(encoding="utf-8"))
        return cls(
            vocabulary={term: i for i, term in enumerate(terms)},
            idf=arrays["idf"].astype(np.float64),
            word_weights=arrays["word_weights"].astype(np.float64),
            dense_weights=arrays["dense_weights"].astype(np.float64),
            bias=float(arrays["bias"]),
        )

    def save(self, folder: Path) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        (folder / "lexical_vocabulary.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
        np.savez_compressed(
            folder / "lexical.npz",
            idf=self.idf.astype(np.float32),
            word_weights=self.word_weights.astype(np.float32),
            dense_weights=self.dense_weights.astype(np.float32),
            bias=np.float32(self.bias),
        )

    def logit(self, text: str) -> float:
        counts = Counter(gram for gram in analyse_text(text) if gram in self.vocabulary)
        value = self.bias + float(np.dot(self.dense_weights, dense_features(text)))
        if not counts:
            return value
        index = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
        weights = tf * self.idf[index]
        weights /= np.linalg.norm(weights)
        return value + float(np.dot(weights, self.word_weights[index]))

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        return np.array([self.logit(text) for text in texts], dtype=np.float64)
