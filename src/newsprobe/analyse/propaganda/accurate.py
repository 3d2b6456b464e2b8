"""The `accurate` propaganda model's TC head: logistic regression over pooled span states of the
shared MiniLM encoder pass (`encoder.py`), whose SI head gives the token probabilities.

Weights: weights/propaganda/encoder.int8.onnx + tokenizer.json (encoder and token heads) and
weights/propaganda/accurate.npz (TC head).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._numeric import softmax
from .encoder import ENCODER_DIR, Encoding
from .fast import ngram_counts
from .text import lower_words

__all__ = ["AccurateHead", "span_vector", "token_range"]


def token_range(encoding: Encoding, start: int, end: int) -> tuple[int, int]:
    """Indices [a, b) of the tokens that overlap the character span (at least one token)."""
    ends = [e for _, e in encoding.offsets]
    starts = [s for s, _ in encoding.offsets]
    a = bisect.bisect_right(ends, start)
    b = bisect.bisect_left(starts, end)
    if b <= a:
        a = min(a, max(0, len(starts) - 1))
        b = a + 1
    return a, b


def span_vector(encoding: Encoding, text: str, start: int, end: int, counts: Counter[str]) -> np.ndarray:
    """Mean states (layers 3+6), mean and max technique logits, length and repetition."""
    a, b = token_range(encoding, start, end)
    if a >= len(encoding.offsets):
        return np.zeros(encoding.states.shape[1] + 2 * encoding.tech_logits.shape[1] + 5, dtype=np.float32)
    words = lower_words(text[start:end])
    repeats = counts[" ".join(words)] if words else 0
    extra = np.array(
        [
            np.log1p(end - start),
            np.log1p(len(words)),
            np.log1p(repeats),
            float("?" in text[start : end + 2]),
            float(any(c in '"“”' for c in text[start:end])),
        ],
        dtype=np.float32,
    )
    return np.concatenate(
        [
            encoding.states[a:b].mean(0),
            encoding.tech_logits[a:b].mean(0),
            encoding.tech_logits[a:b].max(0),
            extra,
        ]
    ).astype(np.float32)


@dataclass
class AccurateHead:
    coef: np.ndarray  # (n_techniques, features)
    intercept: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    fusion: float = 1.0  # weight of this head against the fast TC model (1: this head only)

    @classmethod
    def load(cls, path: Path = ENCODER_DIR / "accurate.npz") -> AccurateHead:
        data = np.load(path)
        fusion = float(data["fusion"][0]) if "fusion" in data else 1.0
        return cls(
            data["coef"].astype(np.float32),
            data["intercept"].astype(np.float32),
            data["mean"].astype(np.float32),
            data["scale"].astype(np.float32),
            fusion,
        )

    def technique_probabilities(self, encoding: Encoding, text: str, bounds: list[tuple[int, int]]) -> np.ndarray:
        if not bounds:
            return np.zeros((0, self.coef.shape[0]), dtype=np.float32)
        counts = ngram_counts(text)
        x = np.stack([span_vector(encoding, text, s, e, counts) for s, e in bounds])
        z = ((x - self.mean) / self.scale) @ self.coef.T + self.intercept
        return softmax(z)
