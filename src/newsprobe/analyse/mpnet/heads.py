"""The pooled head of the shared encoder, in numpy: the techniques of a span (a two-layer MLP with GELU, weights
in `weights/mpnet/heads.npz`, stored in fp16)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._numeric import softmax

__all__ = ["Heads", "gelu", "tokens_inside"]


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7), so that GELU matches torch's exact form.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    result: np.ndarray = sign * (1.0 - poly * np.exp(-a * a))
    return result


def gelu(x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)))
    return result


def tokens_inside(offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """Token indices with at least half their characters inside [start, end) (as in training)."""
    s, e = offsets[:, 0], offsets[:, 1]
    overlap = np.minimum(e, end) - np.maximum(s, start)
    result: np.ndarray = np.where((e > s) & (overlap * 2 >= (e - s)) & (overlap > 0))[0]
    return result


@dataclass(frozen=True)
class _MLP:
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        result: np.ndarray = gelu(x @ self.w1.T + self.b1) @ self.w2.T + self.b2
        return result


@dataclass(frozen=True)
class Heads:
    techniques: _MLP  # [mean, first, last] of a span's token states -> 14 logits

    @classmethod
    def load(cls, path: Path) -> Heads:
        data = np.load(path)

        def mlp(name: str) -> _MLP:
            return _MLP(*(data[f"{name}.{k}"].astype(np.float32) for k in ("0.weight", "0.bias", "3.weight", "3.bias")))

        return cls(mlp("tc"))

    def technique_probabilities(
        self, states: np.ndarray, offsets: np.ndarray, bounds: list[tuple[int, int]]
    ) -> np.ndarray:
        """(len(bounds), 14) technique probabilities; a span covering no whole token gets a uniform row."""
        rows = np.full((len(bounds), 14), 1.0 / 14, np.float32)
        features, which = [], []
        for k, (start, end) in enumerate(bounds):
            inside = tokens_inside(offsets, start, end)
            if len(inside):
                piece = states[inside[0] : inside[-1] + 1]
                features.append(np.concatenate([piece.mean(0), piece[0], piece[-1]]))
                which.append(k)
        if features:
            rows[which] = softmax(self.techniques(np.stack(features)))
        return rows
