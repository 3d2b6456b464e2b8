"""Shared helpers for the claims training scripts: data splits, metrics, threshold choice.

Run from the repository root with the `train` extra installed, e.g.
`OMP_NUM_THREADS=1 .venv/bin/python training/claims/train_lexical.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from newsprobe.eval.checkthat import read_sentences

DATA = (
    Path(os.environ.get("NEWSPROBE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))
    / "checkworthy"
)
CT24 = DATA / "ct24_english"
SPLITS = ("train", "dev", "dev-test")
MODEL_DIR = Path(__file__).resolve().parents[2] / "src/newsprobe/weights/claims"
SEED = 13


def load_split(split: str) -> tuple[list[str], np.ndarray]:
    sentences = read_sentences(CT24 / f"CT24_checkworthy_english_{split}.tsv")
    return [s.text for s in sentences], np.array([s.is_yes for s in sentences], dtype=np.int64)


def scores(gold: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    tp = int(np.sum((gold == 1) & (predicted == 1)))
    fp = int(np.sum((gold == 0) & (predicted == 1)))
    fn = int(np.sum((gold == 1) & (predicted == 0)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "accuracy": float(np.mean(gold == predicted))}


def best_threshold(gold: np.ndarray, probability: np.ndarray) -> float:
    """The probability cut that maximises F1(Yes) on (out-of-fold) predictions, smoothed:
    the middle of the range of cuts whose F1 is within 0.005 of the best."""
    grid = np.round(np.arange(0.10, 0.90, 0.01), 2)
    f1s = np.array([scores(gold, (probability >= t).astype(np.int64))["f1"] for t in grid])
    near = grid[f1s >= f1s.max() - 0.005]
    return float(np.round(np.median(near), 2))


def fold_ids(n: int, folds: int = 5) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    return rng.permutation(np.arange(n) % folds)
