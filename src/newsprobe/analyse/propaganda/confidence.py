"""One calibrated confidence per candidate span, and the operating point that decides what is shown.

A candidate span (from `decode.py`, cleaned by `tidy.py`) is described by model-agnostic features:
the tagger's per-token probabilities over it, its length and words, quote marks, whether it sits in
the headline line, the technique classifier's probabilities, and how often its words (and the words
around it) were inside gold spans in the training articles. A logistic model fitted on
articles the taggers never trained on (training/propaganda/calibrate.py) turns them into the
expected share of the span's characters that human annotators marked as propaganda: the span's
expected SemEval precision. Two levels, each with its own decoder: a span is highlighted when its
confidence reaches its technique's threshold (chosen for precision); the lower-confidence level
(a decoder that finds more, thresholds chosen for F1) lists what a reader can ask to see as well.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .._numeric import sigmoid
from .decode import B, BioDecoder, O
from .words import CONTENTLESS_WORDS

__all__ = [
    "N_FEATURES",
    "Level",
    "LevelPoint",
    "OperatingPoint",
    "SpanEvidence",
    "WordRates",
    "span_features",
    "technique_features",
]

Level = Literal["highlight", "lower"]
_WORD = re.compile(r"\w+(?:['’]\w+)*")
N_TECHNIQUES = 14
N_SPAN_FEATURES = 14
N_FEATURES = N_SPAN_FEATURES + 2 + N_TECHNIQUES  # span features, then the technique classifier's
CONTEXT_CHARS = 40


@dataclass(frozen=True)
class WordRates:
    """How often each word sat inside a gold span in the training articles (smoothed towards the
    overall rate, `prior`): a lexical prior any tagger's spans can be checked against."""

    prior: float
    rates: dict[str, float]

    @classmethod
    def load(cls, path: Path) -> WordRates:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(float(data["prior"]), {w: float(r) for w, r in data["rates"].items()})

    def of(self, text: str) -> list[float]:
        return [self.rates.get(w.lower(), self.prior) for w in _WORD.findall(text)] or [self.prior]


@dataclass(frozen=True)
class SpanEvidence:
    """What the features of one candidate are computed from."""

    text: str
    start: int
    end: int
    probabilities: np.ndarray  # (tokens of the span, 3): O, B, I
    quoted: bool  # inside a quoted passage
    headline: bool  # in the headline line


def span_features(evidence: SpanEvidence, rates: WordRates) -> np.ndarray:
    """The features that do not need the technique classifier."""
    inside = (1.0 - evidence.probabilities[:, O]).tolist() or [0.0]
    span = evidence.text[evidence.start : evidence.end]
    words = _WORD.findall(span)
    lexical = rates.of(span)
    around = evidence.text[max(0, evidence.start - CONTEXT_CHARS) : evidence.start]
    around += " " + evidence.text[evidence.end : evidence.end + CONTEXT_CHARS]
    context = rates.of(around)
    return np.array(
        [
            sum(inside) / len(inside),
            max(inside),
            min(inside),
            float(evidence.probabilities[0, B]) if len(evidence.probabilities) else 0.0,
            np.log1p(evidence.end - evidence.start),
            np.log1p(len(words)),
            sum(w.lower() in CONTENTLESS_WORDS for w in words) / max(1, len(words)),
            float(evidence.quoted),
            float(evidence.headline),
            sum(w[:1].isupper() for w in words) / max(1, len(words)),
            math.log(sum(lexical) / len(lexical)),
            math.log(max(lexical)),
            math.log(min(lexical)),
            math.log(sum(context) / len(context)),
        ],
        dtype=np.float32,
    )


def technique_features(techniques: np.ndarray) -> np.ndarray:
    """The technique classifier's probabilities for a span: the top one, the entropy, which technique."""
    top = int(techniques.argmax())
    entropy = float(-(techniques * np.log(techniques + 1e-9)).sum())
    return np.concatenate([[float(techniques[top]), entropy], np.eye(N_TECHNIQUES)[top]]).astype(np.float32)


@dataclass(frozen=True)
class LevelPoint:
    """One level's decoder, confidence model and per-technique thresholds."""

    decoder: BioDecoder
    mean: np.ndarray  # feature standardisation
    scale: np.ndarray
    coef: np.ndarray  # (N_FEATURES,)
    intercept: float
    thresholds: np.ndarray  # (14,) per technique: the confidence a span needs

    def confidence(self, features: np.ndarray) -> np.ndarray:
        """Expected precision of each span (rows of span features, then technique features)."""
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return sigmoid(z)

    def best_case(self, span_rows: np.ndarray) -> np.ndarray:
        """The highest confidence each span could get, whatever the technique classifier says (spans
        below every threshold need not be classified)."""
        weights = self.coef / self.scale
        span_part = (span_rows - self.mean[:N_SPAN_FEATURES]) @ weights[:N_SPAN_FEATURES]
        top, entropy, which = weights[N_SPAN_FEATURES], weights[N_SPAN_FEATURES + 1], weights[N_SPAN_FEATURES + 2 :]
        technique_part = -float(self.mean[N_SPAN_FEATURES:] @ weights[N_SPAN_FEATURES:])
        technique_part += max(top / N_TECHNIQUES, top) + max(0.0, entropy * np.log(N_TECHNIQUES)) + float(which.max())
        return sigmoid(span_part + technique_part + self.intercept)

    def arrays(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}_decoder": np.array(
                [self.decoder.o_bias, self.decoder.transition_weight, self.decoder.word_spans], np.float32
            ),
            f"{prefix}_mean": self.mean.astype(np.float32),
            f"{prefix}_scale": self.scale.astype(np.float32),
            f"{prefix}_coef": self.coef.astype(np.float32),
            f"{prefix}_intercept": np.array(self.intercept, np.float32),
            f"{prefix}_thresholds": self.thresholds.astype(np.float32),
        }

    @classmethod
    def from_arrays(cls, data: Any, prefix: str) -> LevelPoint:
        o_bias, transition_weight, word_spans = data[f"{prefix}_decoder"].tolist()
        return cls(
            decoder=BioDecoder(o_bias, transition_weight, bool(word_spans)),
            mean=data[f"{prefix}_mean"],
            scale=data[f"{prefix}_scale"],
            coef=data[f"{prefix}_coef"],
            intercept=float(data[f"{prefix}_intercept"]),
            thresholds=data[f"{prefix}_thresholds"],
        )


@dataclass(frozen=True)
class OperatingPoint:
    """What a profile highlights (short, sure spans: thresholds chosen for precision) and what it lists
    as lower confidence (a recall-minded decoder, thresholds chosen for F1)."""

    highlight: LevelPoint
    lower: LevelPoint

    @classmethod
    def load(cls, path: Path) -> OperatingPoint:
        data = np.load(path)
        return cls(LevelPoint.from_arrays(data, "highlight"), LevelPoint.from_arrays(data, "lower"))

    def save(self, path: Path) -> None:
        np.savez(path, **self.highlight.arrays("highlight"), **self.lower.arrays("lower"))
