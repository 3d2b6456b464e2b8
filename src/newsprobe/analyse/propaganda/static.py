"""The `fast` profile's span tagger: static wordpiece vectors distilled from the fine-tuned
MiniLM encoder, read by a two-layer 1-D convolution. numpy + tokenizers only; weights in
models/propaganda/static.npz (built by training/propaganda/train_static.py).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from .._numeric import sigmoid
from .._onnx import load_tokenizer
from .fast import FastModel

__all__ = ["StaticTagger", "conv1d", "word_probabilities_at"]


def conv1d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int = 1) -> np.ndarray:
    """'Same' 1-D convolution over rows of x (n, c_in); weight (k, c_in, c_out)."""
    k = weight.shape[0]
    pad = dilation * (k // 2)
    padded = np.pad(x, ((pad, pad), (0, 0)))
    out = np.broadcast_to(bias, (len(x), weight.shape[2])).copy()
    for j in range(k):
        out += padded[j * dilation : j * dilation + len(x)] @ weight[j]
    return out


def word_probabilities_at(fast: FastModel, text: str, offsets: list[tuple[int, int]]) -> np.ndarray:
    """The hashed tagger's word probabilities, read at each wordpiece's word (0 between words)."""
    tokens, probs = fast.token_probabilities(text)
    starts = [t.start for t in tokens]
    out = np.zeros(len(offsets), np.float32)
    for i, (start, _) in enumerate(offsets):
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < tokens[k].end:
            out[i] = probs[k]
    return out


@dataclass
class StaticTagger:
    tokenizer: Tokenizer
    vectors: np.ndarray  # (vocabulary, dim)
    layers: list[tuple[np.ndarray, np.ndarray, int]]  # (weight, bias, dilation) per convolution
    out_weight: np.ndarray  # (hidden,)
    out_bias: float
    hashed_weight: float  # share of the hashed tagger's probability in the mix

    @classmethod
    def load(cls, path: Path, tokenizer_path: Path) -> StaticTagger:
        data = np.load(path)
        tokenizer = load_tokenizer(tokenizer_path)
        layers = [
            (
                data[f"conv{i}_weight"].astype(np.float32),
                data[f"conv{i}_bias"].astype(np.float32),
                int(data[f"conv{i}_dilation"]),
            )
            for i in range(int(data["n_layers"]))
        ]
        return cls(
            tokenizer=tokenizer,
            vectors=data["vectors"].astype(np.float32),
            layers=layers,
            out_weight=data["out_weight"].astype(np.float32),
            out_bias=float(data["out_bias"]),
            hashed_weight=float(data["hashed_weight"]),
        )

    def token_probabilities(self, text: str) -> tuple[list[tuple[int, int]], np.ndarray]:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        if not encoding.ids:
            return [], np.zeros(0, dtype=np.float32)
        hidden = self.vectors[np.asarray(encoding.ids)]
        for weight, bias, dilation in self.layers:
            hidden = np.maximum(conv1d(hidden, weight, bias, dilation), 0.0)
        scores = hidden @ self.out_weight + self.out_bias
        return list(encoding.offsets), sigmoid(scores)

    def mixed_probabilities(self, text: str, hashed: FastModel) -> tuple[list[tuple[int, int]], np.ndarray]:
        """P(inside a span) per wordpiece: the convolution's, mixed with the hashed tagger's."""
        offsets, probs = self.token_probabilities(text)
        if self.hashed_weight > 0 and offsets:
            probs = (1 - self.hashed_weight) * probs + self.hashed_weight * word_probabilities_at(hashed, text, offsets)
        return offsets, probs
