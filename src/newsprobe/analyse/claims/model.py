"""Check-worthiness scorers behind the `claims` analyser and `newsprobe checkworthy predict`.

    fast      LexicalModel (TF-IDF n-grams + cues, one linear layer; numpy only)
    accurate  sentence embeddings (MiniLM, ONNX int8) -> linear head, averaged in logit space
              with the lexical model, then Platt-calibrated

A scorer maps sentences to calibrated probabilities and carries two cuts chosen at training time
on held-out training data: `threshold`, the report's "check-worthy" cut, chosen for precision (the
lowest cut whose held-out precision reaches PRECISION_TARGET in training/claims), and `f1_threshold`,
the cut that maximises F1 of the Yes class, which the CheckThat! contract (`checkworthy predict`) uses
because F1 is that benchmark's metric. The embedding head only needs a `SentenceEncoder` (texts -> vectors) whose
`space` matches the one it was trained on, so a shared encoder pass can feed it later.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ...weights import WEIGHTS_DIR
from ..base import Profile
from .lexical import LexicalModel

__all__ = [
    "MODEL_DIR",
    "CheckworthinessScorer",
    "EmbeddingHead",
    "LexicalScorer",
    "EnsembleScorer",
    "SentenceEncoder",
    "load_scorer",
]

MODEL_DIR = WEIGHTS_DIR / "claims"
META_FILE = "claims_model.json"


def sigmoid(logits: np.ndarray) -> np.ndarray:
    probabilities: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logits, -40.0, 40.0)))
    return probabilities


class SentenceEncoder(Protocol):
    """Anything that turns sentences into fixed-size vectors in a named embedding space."""

    space: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class CheckworthinessScorer(Protocol):
    name: str
    threshold: float
    f1_threshold: float

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray: ...


def read_meta(folder: Path = MODEL_DIR) -> dict[str, dict[str, object]]:
    meta: dict[str, dict[str, object]] = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    return meta


@dataclass
class LexicalScorer:
    model: LexicalModel
    threshold: float
    f1_threshold: float
    name: str = "lexical"

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        return sigmoid(self.model.logits(texts))


@dataclass
class EmbeddingHead:
    """A linear head over sentence embeddings of one named space."""

    space: str
    weights: np.ndarray
    bias: float

    @classmethod
    def load(cls, folder: Path) -> EmbeddingHead:
        arrays = np.load(folder / "head.npz")
        return cls(space=str(arrays["space"]), weights=arrays["weights"].astype(np.float64), bias=float(arrays["bias"]))

    def save(self, folder: Path) -> None:
        np.savez(
            folder / "head.npz",
            space=np.str_(self.space),
            weights=self.weights.astype(np.float32),
            bias=np.float32(self.bias),
        )

    def logits(self, embeddings: np.ndarray) -> np.ndarray:
        logits: np.ndarray = np.asarray(embeddings, dtype=np.float64) @ self.weights + self.bias
        return logits


@dataclass
class EnsembleScorer:
    """Platt-calibrated weighted mean of the head's and the lexical model's logits."""

    lexical: LexicalModel
    head: EmbeddingHead
    encoder: SentenceEncoder
    head_weight: float
    platt_a: float
    platt_b: float
    threshold: float
    f1_threshold: float
    name: str = "minilm+lexical"

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        if embeddings is None:
            embeddings = self.encoder.encode(texts)
        mixed = self.head_weight * self.head.logits(embeddings) + (1 - self.head_weight) * self.lexical.logits(texts)
        return sigmoid(self.platt_a * mixed + self.platt_b)


def load_lexical_scorer(folder: Path = MODEL_DIR) -> LexicalScorer:
    meta = read_meta(folder)["fast"]
    return LexicalScorer(LexicalModel.load(folder), *_cuts(meta))


def _cuts(meta: dict[str, object]) -> tuple[float, float]:
    """(report cut, F1 cut) from a profile's metadata."""
    return float(str(meta["threshold"])), float(str(meta["f1_threshold"]))


def load_ensemble_scorer(folder: Path = MODEL_DIR, encoder: SentenceEncoder | None = None) -> EnsembleScorer:
    from .encoder import OnnxSentenceEncoder

    meta = read_meta(folder)["accurate"]
    head = EmbeddingHead.load(folder)
    if encoder is None:
        encoder = OnnxSentenceEncoder.load(folder)
    if encoder.space != head.space:
        raise ValueError(f"encoder space {encoder.space!r} does not match the head's {head.space!r}")
    return EnsembleScorer(
        lexical=LexicalModel.load(folder),
        head=head,
        encoder=encoder,
        head_weight=float(str(meta["head_weight"])),
        platt_a=float(str(meta["platt_a"])),
        platt_b=float(str(meta["platt_b"])),
        threshold=_cuts(meta)[0],
        f1_threshold=_cuts(meta)[1],
    )


def has_accurate_model(folder: Path = MODEL_DIR) -> bool:
    return "accurate" in read_meta(folder) and (folder / "head.npz").exists()


def load_scorer(profile: Profile, folder: Path = MODEL_DIR) -> CheckworthinessScorer:
    """The scorer for a profile (`best` uses accurate's); `accurate` falls back to `fast` if its model is not
    shipped."""
    if profile != "fast" and has_accurate_model(folder):
        return load_ensemble_scorer(folder)
    return load_lexical_scorer(folder)
