"""The two propaganda models behind one interface, loaded once per pipeline via `context.resource`.

A model gives per-token O/B/I probabilities and technique probabilities for spans; `find_candidates`
turns them into scored spans through the model's operating point (`confidence.py`), so a new
tagger only needs those two methods and its own calibrated operating point.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from .. import mpnet
from ..base import AnalysisContext, Profile
from .accurate import AccurateHead
from .candidates import Candidate, Tagged, score_candidates
from .confidence import OperatingPoint, WordRates
from .decode import inside_as_bio, on_tokens
from .encoder import ENCODER_DIR, Encoding, encode_article
from .fast import FastModel
from .static import StaticTagger

__all__ = [
    "PropagandaModel",
    "accurate_available",
    "find_candidates",
    "fused_techniques",
    "load_model",
    "mix_tags",
    "mix_techniques",
]

BEST_POINT = mpnet.MPNET_DIR / "propaganda_point.npz"
# Each stronger model's probabilities are averaged with the next weaker model's (best: MPNet with the
# accurate model; accurate: MiniLM with the fast tagger), with these weights on the stronger one (chosen on
# the validation split: training/propaganda/README.md).
ACCURATE_TAG_WEIGHT = 0.7
BEST_TAG_WEIGHT = 0.7
BEST_TECHNIQUE_WEIGHT = 0.5

FAST_PATH = ENCODER_DIR / "fast.npz"
STATIC_PATH = ENCODER_DIR / "static.npz"
FAST_POINT = ENCODER_DIR / "fast_point.npz"
ACCURATE_POINT = ENCODER_DIR / "accurate_point.npz"
WORD_RATES = ENCODER_DIR / "word_rates.json"
ACCURATE_FILES = ("encoder.int8.onnx", "tokenizer.json", "accurate.npz", "accurate_point.npz")


class PropagandaModel(Protocol):
    name: str
    point: OperatingPoint

    def token_probabilities(self, text: str, context: AnalysisContext) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Token character offsets and their (n, 3) O/B/I probabilities."""
        ...

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray: ...


class FastPropaganda:
    name = (
        "fast: static vectors distilled from the encoder, convolutional tagger mixed with a hashed linear one; "
        "linear span classifier"
    )

    def __init__(self, path: Path = FAST_PATH, static_path: Path = STATIC_PATH, point: Path = FAST_POINT) -> None:
        self.model = FastModel.load(path)
        self.static = StaticTagger.load(static_path, ENCODER_DIR / "tokenizer.json")
        self.point = OperatingPoint.load(point)

    def token_probabilities(self, text: str, context: AnalysisContext) -> tuple[list[tuple[int, int]], np.ndarray]:
        offsets, inside = self.static.mixed_probabilities(text, self.model)
        return offsets, inside_as_bio(inside)

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray:
        return self.model.technique_probabilities(text, bounds)


class AccuratePropaganda:
    name = (
        "accurate: fine-tuned MiniLM-L6 tagger (int8 ONNX) averaged with the fast tagger; logistic TC head on span "
        "states, fused with the fast TC model"
    )

    def __init__(self, context: AnalysisContext) -> None:
        self.head = AccurateHead.load()
        self.tagger: FastPropaganda = context.resource("propaganda:fast", FastPropaganda)
        self.point = OperatingPoint.load(ACCURATE_POINT)

    def token_probabilities(self, text: str, context: AnalysisContext) -> tuple[list[tuple[int, int]], np.ndarray]:
        encoding = encode_article(context, text)
        other_offsets, other = self.tagger.token_probabilities(text, context)
        mixed = mix_tags(encoding.offsets, encoding.si_probabilities, other_offsets, other, ACCURATE_TAG_WEIGHT)
        return encoding.offsets, mixed

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray:
        return fused_techniques(self.head, self.tagger.model, encode_article(context, text), text, bounds)


class BestPropaganda:
    name = (
        "best: all-mpnet-base-v2 with its top 8 layers fine-tuned for propaganda (ONNX, weights in 4 bits), BIO "
        "tagger and technique head on span states, averaged with the accurate profile's MiniLM model"
    )

    def __init__(self, context: AnalysisContext, point: Path = BEST_POINT) -> None:
        self.point = OperatingPoint.load(point)
        self.accurate: AccuratePropaganda = context.resource("propaganda:accurate", lambda: AccuratePropaganda(context))

    def token_probabilities(self, text: str, context: AnalysisContext) -> tuple[list[tuple[int, int]], np.ndarray]:
        encoding = mpnet.encode_article(context, text)
        other_offsets, other = self.accurate.token_probabilities(text, context)
        mixed = mix_tags(encoding.offsets, encoding.si_probabilities, other_offsets, other, BEST_TAG_WEIGHT)
        return encoding.offsets, mixed

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray:
        encoding = mpnet.encode_article(context, text)
        heads = mpnet.shared_encoder(context).heads
        mine = heads.technique_probabilities(encoding.states, np.array(encoding.offsets), bounds)
        if not bounds:
            return mine
        return mix_techniques(mine, self.accurate.techniques(text, bounds, context))


def mix_tags(
    offsets: list[tuple[int, int]],
    probabilities: np.ndarray,
    other_offsets: list[tuple[int, int]],
    other: np.ndarray,
    weight: float,
) -> np.ndarray:
    """O/B/I probabilities on the first model's tokens, averaged with the other model's (`weight` on the first)."""
    mixed: np.ndarray = weight * probabilities + (1.0 - weight) * on_tokens(offsets, other_offsets, other)
    return mixed


def fused_techniques(
    head: AccurateHead, fast: FastModel, encoding: Encoding, text: str, bounds: list[tuple[int, int]]
) -> np.ndarray:
    """The accurate profile's technique probabilities: its head's, fused with the fast model's."""
    probabilities = head.technique_probabilities(encoding, text, bounds)
    if head.fusion >= 1.0 or not bounds:
        return probabilities
    fused: np.ndarray = head.fusion * probabilities + (1.0 - head.fusion) * fast.technique_probabilities(text, bounds)
    return fused


def mix_techniques(probabilities: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The best profile's technique probabilities: MPNet's averaged with the accurate model's."""
    mixed: np.ndarray = BEST_TECHNIQUE_WEIGHT * probabilities + (1.0 - BEST_TECHNIQUE_WEIGHT) * other
    return mixed


def find_candidates(
    model: PropagandaModel, text: str, context: AnalysisContext, headline_end: int = 0
) -> list[Candidate]:
    """Scored spans of `text` at or above the model's floor; the first `headline_end` characters are
    the headline line."""
    if not text.strip():
        return []
    offsets, probabilities = model.token_probabilities(text, context)
    rates = context.resource("propaganda:word-rates", lambda: WordRates.load(WORD_RATES))
    tagged = Tagged(text, offsets, probabilities, lambda bounds: model.techniques(text, bounds, context), headline_end)
    return score_candidates(tagged, model.point, rates)


def accurate_available(directory: Path = ENCODER_DIR) -> bool:
    return all((directory / name).is_file() for name in ACCURATE_FILES)


def load_model(profile: Profile, context: AnalysisContext) -> PropagandaModel:
    """The model for `profile`; `accurate` falls back to `fast` when its files are not installed (`best`
    is checked when the pipeline starts: it never falls back)."""
    if profile == "best":
        return context.resource("propaganda:best", lambda: BestPropaganda(context))
    if profile == "accurate" and accurate_available():
        return context.resource("propaganda:accurate", lambda: AccuratePropaganda(context))
    return context.resource("propaganda:fast", FastPropaganda)
