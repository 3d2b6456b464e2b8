"""Check-worthiness scorers behind the `claims` analyser and `newsprobe checkworthy predict`.

    fast      LexicalModel (TF-IDF n-grams + cues, one linear layer; numpy only)
    accurate  sentence embeddings (MiniLM, ONNX int8) -> linear head, averaged in logit space
              with the lexical model, then Platt-calibrated
    best      accurate's mixed logit and a linear head over the shared MPNet encoder's sentence vectors (its
              frozen layers, each sentence read alone), combined by one logistic layer

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
from typing import TYPE_CHECKING, Protocol

import numpy as np

from ...weights import WEIGHTS_DIR
from .._numeric import sigmoid
from ..base import Profile
from .lexical import LexicalModel

if TYPE_CHECKING:
    from ..mpnet import MultitaskEncoder

__all__ = [
    "MODEL_DIR",
    "CheckworthinessScorer",
    "EmbeddingHead",
    "LexicalScorer",
    "CombinedScorer",
    "EnsembleScorer",
    "SentenceEncoder",
    "load_scorer",
]

MODEL_DIR = WEIGHTS_DIR / "claims"
META_FILE = "claims_model.json"
BEST_HEAD_FILE = "best_head.npz"
MPNET_SPACE = "mpnet-base-v2-layer6-mean"  # MultitaskEncoder.sentence_vectors


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
    def load(cls, folder: Path, file: str = "head.npz") -> EmbeddingHead:
        arrays = np.load(folder / file)
        return cls(space=str(arrays["space"]), weights=arrays["weights"].astype(np.float64), bias=float(arrays["bias"]))

    def save(self, folder: Path, file: str = "head.npz") -> None:
        np.savez(
            folder / file,
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
        return self.calibrated(self.mixed_logits(texts, embeddings))

    def calibrated(self, mixed_logits: np.ndarray) -> np.ndarray:
        """Probabilities from mixed logits (Platt's scaling)."""
        return sigmoid(self.platt_a * mixed_logits + self.platt_b)

    def mixed_logits(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """The head's and the lexical model's logits, weighted, before calibration."""
        if embeddings is None:
            embeddings = self.encoder.encode(texts)
        mixed: np.ndarray = self.head_weight * self.head.logits(embeddings) + (
            1 - self.head_weight
        ) * self.lexical.logits(texts)
        return mixed


@dataclass
class CombinedScorer:
    """The best profile's scorer: one logistic layer over accurate's mixed logit and a linear head's logit on the
    shared MPNet encoder's sentence vectors, both held out when the layer was fitted (training/claims)."""

    accurate: EnsembleScorer
    head: EmbeddingHead
    encoder: SentenceEncoder
    accurate_weight: float
    head_weight: float
    bias: float
    threshold: float
    f1_threshold: float
    name: str = "mpnet+minilm+lexical"

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """`embeddings` are the MPNet sentence vectors when given (accurate's MiniLM vectors are computed here)."""
        vectors = self.encoder.encode(texts) if embeddings is None else embeddings
        logits = (
            self.accurate_weight * self.accurate.mixed_logits(texts)
            + self.head_weight * self.head.logits(vectors)
            + self.bias
        )
        return sigmoid(logits)


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
    return EnsembleScorer(
        lexical=LexicalModel.load(folder),
        head=head,
        encoder=_matching(encoder if encoder is not None else OnnxSentenceEncoder.load(folder), head),
        head_weight=float(str(meta["head_weight"])),
        platt_a=float(str(meta["platt_a"])),
        platt_b=float(str(meta["platt_b"])),
        threshold=_cuts(meta)[0],
        f1_threshold=_cuts(meta)[1],
    )


def _matching(encoder: SentenceEncoder, head: EmbeddingHead) -> SentenceEncoder:
    """`encoder`, once its vectors are known to be the ones `head` was trained on."""
    if encoder.space != head.space:
        raise ValueError(f"encoder space {encoder.space!r} does not match the head's {head.space!r}")
    return encoder


def load_combined_scorer(folder: Path = MODEL_DIR, encoder: SentenceEncoder | None = None) -> CombinedScorer:
    """The best profile's scorer; without `encoder` it loads the shared MPNet encoder itself (the analyser passes
    the pipeline's)."""
    meta = read_meta(folder)["best"]
    head = EmbeddingHead.load(folder, BEST_HEAD_FILE)
    return CombinedScorer(
        accurate=load_ensemble_scorer(folder),
        head=head,
        encoder=_matching(encoder if encoder is not None else mpnet_sentences(), head),
        accurate_weight=float(str(meta["accurate_weight"])),
        head_weight=float(str(meta["head_weight"])),
        bias=float(str(meta["bias"])),
        threshold=_cuts(meta)[0],
        f1_threshold=_cuts(meta)[1],
    )


def mpnet_sentences(encoder: MultitaskEncoder | None = None) -> SentenceEncoder:
    """The shared MPNet encoder as a `SentenceEncoder` (a new one unless given); stops with the install command when
    the best profile's base weights are not installed."""
    from .. import mpnet

    if encoder is None:
        mpnet.require_available()
        encoder = mpnet.MultitaskEncoder()
    return MpnetSentences(encoder)


@dataclass
class MpnetSentences:
    encoder: MultitaskEncoder
    space: str = MPNET_SPACE

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encoder.sentence_vectors(texts)


def has_accurate_model(folder: Path = MODEL_DIR) -> bool:
    return "accurate" in read_meta(folder) and (folder / "head.npz").exists()


def has_best_model(folder: Path = MODEL_DIR) -> bool:
    return "best" in read_meta(folder) and (folder / BEST_HEAD_FILE).exists() and has_accurate_model(folder)


def load_scorer(
    profile: Profile, folder: Path = MODEL_DIR, sentence_encoder: SentenceEncoder | None = None
) -> CheckworthinessScorer:
    """The scorer for a profile; `best` reads the shared MPNet encoder (`sentence_encoder`, else its own), `accurate`
    falls back to `fast` if its model is not shipped."""
    if profile == "best" and has_best_model(folder):
        return load_combined_scorer(folder, sentence_encoder)
    if profile != "fast" and has_accurate_model(folder):
        return load_ensemble_scorer(folder)
    return load_lexical_scorer(folder)
