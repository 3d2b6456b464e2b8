"""Build the accurate check-worthiness model: MiniLM head + lexical model, Platt-calibrated.

    # frozen encoder: fit a logistic head on cached int8 embeddings (5-fold out-of-fold calibration)
    OMP_NUM_THREADS=1 .venv/bin/python training/claims/train_ensemble.py frozen ENCODER_DIR EMB.npz
    # fine-tuned encoder: head from finetune.py, calibrated on its held-out 10 % train slice
    OMP_NUM_THREADS=1 .venv/bin/python training/claims/train_ensemble.py finetuned ENCODER_DIR EMB.npz FT_DIR

ENCODER_DIR holds encoder.int8.onnx/tokenizer.json/encoder.json (export_encoder.py); EMB.npz its
vectors of the CT24 splits (embed.py). The mixing weight (by log loss), Platt scaling and the
threshold (F1 on calibrated out-of-sample train predictions) use train data only; dev and
dev-test are reported, never used. Writes head.npz + encoder files into src/newsprobe/weights/claims/.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    MODEL_DIR,
    PRECISION_TARGET,
    at_both_cuts,
    best_threshold,
    debate_folds,
    load_split,
    logit,
    precision_threshold,
    record_profile,
    scores,
)
from train_lexical import featurise, fit, out_of_fold

from newsprobe.analyse._numeric import sigmoid
from newsprobe.analyse.claims.encoder import ENCODER_FILE, ENCODER_META, TOKENIZER_FILE
from newsprobe.analyse.claims.model import EmbeddingHead

HEAD_C = 16.0
WEIGHTS = np.round(np.arange(0.0, 1.01, 0.1), 1)


def log_loss(labels: np.ndarray, probability: np.ndarray) -> float:
    probability = np.clip(probability, 1e-9, 1 - 1e-9)
    return float(-np.mean(labels * np.log(probability) + (1 - labels) * np.log(1 - probability)))


def platt(mixed: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    model = LogisticRegression(C=1e6, max_iter=1000).fit(mixed[:, None], labels)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def calibrate(head: np.ndarray, lexical: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
    """Mixing weight (min log loss after Platt), Platt a/b, the F1 cut and the report's precision cut, on held-out
    logits."""
    best: tuple[float, float, float, float] | None = None
    for weight in WEIGHTS:
        mixed = weight * head + (1 - weight) * lexical
        a, b = platt(mixed, labels)
        loss = log_loss(labels, sigmoid(a * mixed + b))
        if best is None or loss < best[0]:
            best = (loss, float(weight), a, b)
    assert best is not None
    _, weight, a, b = best
    probability = sigmoid(a * (weight * head + (1 - weight) * lexical) + b)
    f1_threshold, threshold = best_threshold(labels, probability), precision_threshold(labels, probability)
    return {
        "head_weight": weight,
        "platt_a": a,
        "platt_b": b,
        "threshold": threshold,
        "f1_threshold": f1_threshold,
        "held_out_f1_scores": scores(labels, (probability >= f1_threshold).astype(np.int64)),
        "held_out_report": scores(labels, (probability >= threshold).astype(np.int64)),
    }


def frozen_head(train: np.ndarray, labels: np.ndarray, space: str) -> tuple[EmbeddingHead, np.ndarray, np.ndarray]:
    """A logistic head on frozen vectors, with its 5-fold out-of-fold logits on all of train."""
    folds = debate_folds()
    oof = np.zeros(len(labels))
    for k in range(int(folds.max()) + 1):
        model = LogisticRegression(C=HEAD_C, max_iter=3000).fit(train[folds != k], labels[folds != k])
        oof[folds == k] = model.decision_function(train[folds == k])
    model = LogisticRegression(C=HEAD_C, max_iter=3000).fit(train, labels)
    head = EmbeddingHead(space=space, weights=model.coef_[0].astype(np.float64), bias=float(model.intercept_[0]))
    return head, oof, np.arange(len(labels))


def finetuned_head(vectors: np.lib.npyio.NpzFile, ft_dir: Path) -> tuple[EmbeddingHead, np.ndarray, np.ndarray]:
    """The fine-tuned head, with its logits on the calibration slice the encoder never saw."""
    head = EmbeddingHead.load(ft_dir)
    held = np.array(json.loads((ft_dir / "calibration.json").read_text())["train_indices"])
    if "train_rows" in vectors:
        assert np.array_equal(vectors["train_rows"], held), "embeddings cover other train rows"
        return head, head.logits(vectors["train"]), held
    return head, head.logits(vectors["train"][held]), held


def main() -> None:
    mode, encoder_dir, embeddings_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    vectors = np.load(embeddings_path)
    space = json.loads((encoder_dir / ENCODER_META).read_text())["space"]
    assert str(vectors["space"]) == space, "embeddings were made with another encoder"
    texts, labels = load_split("train")
    if mode == "frozen":
        head, head_logits, rows = frozen_head(vectors["train"], labels, space)
    else:
        head, head_logits, rows = finetuned_head(vectors, Path(sys.argv[4]))
    assert head.space == space, f"head space {head.space} != encoder space {space}"
    lexical_held_out = logit(out_of_fold(texts, labels))[rows]
    settings = calibrate(head_logits, lexical_held_out, labels[rows])
    vectoriser, lexical = fit(texts, labels)
    report: dict[str, object] = {"calibration": settings, "calibration_sentences": int(len(rows))}
    for split in ("dev", "dev-test"):
        split_texts, split_labels = load_split(split)
        mixed = settings["head_weight"] * head.logits(vectors[split]) + (
            1 - settings["head_weight"]
        ) * lexical.decision_function(featurise(vectoriser, split_texts))
        probability = sigmoid(settings["platt_a"] * mixed + settings["platt_b"])
        report |= at_both_cuts(split, split_labels, probability, settings["f1_threshold"], settings["threshold"])
    head.save(MODEL_DIR)
    for name in (ENCODER_FILE, TOKENIZER_FILE, ENCODER_META):
        shutil.copy(encoder_dir / name, MODEL_DIR / name)
    record_profile(
        "accurate",
        {
            "kind": f"{mode} MiniLM head + lexical",
            "space": space,
            **{k: settings[k] for k in ("head_weight", "platt_a", "platt_b", "threshold", "f1_threshold")},
            "precision_target": PRECISION_TARGET,
            "metrics": report,
        },
    )


if __name__ == "__main__":
    main()
