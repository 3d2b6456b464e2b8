"""The activation functions the models' numpy heads share."""

from __future__ import annotations

import numpy as np

__all__ = ["log_softmax", "sigmoid", "softmax"]


def sigmoid(logits: np.ndarray) -> np.ndarray:
    """The logistic function, keeping the input's float type (logits clipped to ±40, where it is already 0 or 1)."""
    result: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(logits, -40.0, 40.0)))
    return result


def softmax(logits: np.ndarray) -> np.ndarray:
    """Probabilities over the last axis."""
    z = np.exp(logits - logits.max(axis=-1, keepdims=True))
    result: np.ndarray = z / z.sum(axis=-1, keepdims=True)
    return result


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Log-probabilities over the last axis."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    result: np.ndarray = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return result
