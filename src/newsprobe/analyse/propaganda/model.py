"""The two propaganda models behind one interface, loaded once per pipeline via `context.resource`."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from ..base import AnalysisContext, Profile
from .accurate import AccurateHead, si_decode
from .encoder import ENCODER_DIR, encode_article
from .fast import FastModel
from .static import StaticTagger
from .text import DecodeSettings

__all__ = ["PropagandaModel", "load_model", "accurate_available"]

FAST_PATH = ENCODER_DIR / "fast.npz"
STATIC_PATH = ENCODER_DIR / "static.npz"
ACCURATE_FILES = ("encoder.int8.onnx", "tokenizer.json", "accurate.npz")
# Headlines are encoded alone, without the article around them, and come out less sure. On the
# 80 validation headlines (27 gold spans) these thresholds raised headline SI F1 from 0.29 to 0.37.
ACCURATE_HEADLINE_DECODE = DecodeSettings(high=0.2, low=0.1, max_gap=12, min_chars=6)


class PropagandaModel(Protocol):
    name: str

    def spans(self, text: str, context: AnalysisContext, headline: bool = False) -> list[tuple[int, int, float]]: ...

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray: ...


class FastPropaganda:
    def __init__(self, path: Path = FAST_PATH, static_path: Path = STATIC_PATH) -> None:
        self.model = FastModel.load(path)
        self.static = StaticTagger.load(static_path, ENCODER_DIR / "tokenizer.json") if static_path.is_file() else None
        tagger = "hashed lexical features, linear tagger"
        if self.static is not None:
            tagger = "static vectors distilled from the encoder, convolutional tagger mixed with a hashed linear one"
        self.name = f"fast: {tagger}; linear span classifier"

    def spans(self, text: str, context: AnalysisContext, headline: bool = False) -> list[tuple[int, int, float]]:
        if self.static is None:
            return self.model.spans(text)
        return self.static.spans(text, self.model)

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray:
        return self.model.technique_probabilities(text, bounds)


class AccuratePropaganda:
    name = (
        "accurate: fine-tuned MiniLM-L6 tagger (int8 ONNX) + logistic TC head on span states, "
        "fused with the fast TC model"
    )

    def __init__(self) -> None:
        self.head = AccurateHead.load()
        self.fast = FastPropaganda() if self.head.fusion < 1.0 else None

    def spans(self, text: str, context: AnalysisContext, headline: bool = False) -> list[tuple[int, int, float]]:
        settings = ACCURATE_HEADLINE_DECODE if headline else self.head.decode
        return si_decode(text, encode_article(context, text), settings, self.head.use_breaks)

    def techniques(self, text: str, bounds: list[tuple[int, int]], context: AnalysisContext) -> np.ndarray:
        probabilities = self.head.technique_probabilities(encode_article(context, text), text, bounds)
        if self.fast is None or not bounds:
            return probabilities
        weight = self.head.fusion
        return weight * probabilities + (1.0 - weight) * self.fast.techniques(text, bounds, context)


def accurate_available(directory: Path = ENCODER_DIR) -> bool:
    return all((directory / name).is_file() for name in ACCURATE_FILES)


def load_model(profile: Profile, context: AnalysisContext) -> PropagandaModel:
    """The model for `profile`; `accurate` falls back to `fast` when its files are not installed."""
    if profile == "accurate" and accurate_available():
        return context.resource("propaganda:accurate", AccuratePropaganda)
    return context.resource("propaganda:fast", FastPropaganda)
