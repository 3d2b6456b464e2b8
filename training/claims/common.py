"""Shared helpers for the claims training scripts: data splits, metrics, threshold choice.

Run from the repository root with the `train` extra installed, e.g.
`OMP_NUM_THREADS=1 .venv/bin/python training/claims/train_lexical.py`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

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
CALIBRATION_SHARE = 0.10
PRECISION_TARGET = 0.85  # the report's check-worthy cut: held-out precision on training debates
DEBATE_GAP = 20  # sentence ids jump by this much or more where a new debate starts


def load_split(split: str) -> tuple[list[str], np.ndarray]:
    sentences = read_sentences(CT24 / f"CT24_checkworthy_english_{split}.tsv")
    return [s.text for s in sentences], np.array([s.is_yes for s in sentences], dtype=np.int64)


def debate_ids(split: str = "train") -> np.ndarray:
    """The debate of each sentence, in file order. CT24 train appears to be ClaimBuster, whose sentence ids
    run through one debate after another: the opening lines left out of the data leave a gap of 20 or more
    ids where a new debate starts (each block begins with "Thank you, Jim ..." and the like). Train falls
    into 34 such blocks, about one per debate; a missed boundary only merges two debates."""
    ids = np.array([int(s.sentence_id) for s in read_sentences(CT24 / f"CT24_checkworthy_english_{split}.tsv")])
    order = np.argsort(ids, kind="stable")
    debate = np.zeros(len(ids), dtype=np.int64)
    debate[order] = np.concatenate([[0], np.cumsum(np.diff(ids[order]) >= DEBATE_GAP)])
    return debate


def debate_folds(folds: int = 5) -> np.ndarray:
    """Fold of each train sentence such that every debate lies in one fold (cross-debate validation)."""
    debate = debate_ids("train")
    rng = np.random.default_rng(SEED)
    fold_of_debate = rng.permutation(np.arange(debate.max() + 1) % folds)
    return fold_of_debate[debate]


def calibration_split(labels: np.ndarray) -> np.ndarray:
    """The stratified 10 % of train held out of the encoder fine-tuning (finetune.py) for calibration."""
    rng = np.random.default_rng(SEED)
    picked = [
        rng.permutation(np.where(labels == value)[0])[: round(CALIBRATION_SHARE * np.sum(labels == value))]
        for value in (0, 1)
    ]
    return np.sort(np.concatenate(picked))


def logit(probability: np.ndarray) -> np.ndarray:
    probability = np.clip(probability, 1e-6, 1 - 1e-6)
    logits: np.ndarray = np.log(probability / (1 - probability))
    return logits


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


def precision_threshold(gold: np.ndarray, probability: np.ndarray, target: float = PRECISION_TARGET) -> float:
    """The lowest cut whose held-out precision reaches `target` and stays there for the next 0.02
    (a single lucky cut does not count)."""
    grid = np.round(np.arange(0.10, 0.96, 0.01), 2)
    reached = np.array([scores(gold, (probability >= t).astype(np.int64))["precision"] >= target for t in grid])
    for index in range(len(grid) - 2):
        if reached[index : index + 3].all():
            return float(grid[index])
    return float(grid[-1])


def at_both_cuts(
    prefix: str, labels: np.ndarray, probability: np.ndarray, f1_threshold: float, threshold: float
) -> dict[str, dict[str, float]]:
    """Scores at the F1 cut and at the report cut, keyed `<prefix>_f1` and `<prefix>_report`."""
    cuts = (("f1", f1_threshold), ("report", threshold))
    return {f"{prefix}_{name}": scores(labels, (probability >= cut).astype(np.int64)) for name, cut in cuts}


def record_profile(profile: str, entry: dict[str, Any]) -> None:
    """Write a profile's entry into claims_model.json, the other profiles' kept, and print its metrics."""
    meta_path = MODEL_DIR / "claims_model.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta[profile] = entry
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(entry["metrics"], indent=2))
