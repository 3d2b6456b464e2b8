"""Build the best profile's check-worthiness scorer: a linear head over the shared MPNet encoder's sentence vectors,
combined with the accurate scorer by one logistic layer.

    OMP_NUM_THREADS=2 .venv/bin/python training/claims/train_best.py [--work DIR]

Needs the best profile installed (`make install-best`) and the `train` extra (scikit-learn). The vectors
(`MultitaskEncoder.sentence_vectors`: each sentence alone, the mean of its states after the frozen layer 6) are
cached in DIR (about 10 minutes for train on two threads). The head is a logistic regression on standardised
vectors (C=0.1), its held-out logits from cross-debate folds; the combining layer and both cuts are fitted on the
calibration slice the accurate encoder never saw, with accurate's held-out mixed logits there (its lexical part
from the cross-debate fits). dev and dev-test are only reported. Writes `best_head.npz` and the `best` entry of
`claims_model.json` in src/newsprobe/weights/claims/.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    MODEL_DIR,
    PRECISION_TARGET,
    SPLITS,
    at_both_cuts,
    best_threshold,
    calibration_split,
    debate_folds,
    load_split,
    logit,
    precision_threshold,
    record_profile,
    scores,
)
from train_lexical import out_of_fold

from newsprobe.analyse._numeric import sigmoid
from newsprobe.analyse.claims.model import (
    BEST_HEAD_FILE,
    MPNET_SPACE,
    CombinedScorer,
    EmbeddingHead,
    EnsembleScorer,
    SentenceEncoder,
    load_ensemble_scorer,
    mpnet_sentences,
)

HEAD_C = 0.1
LAYER = ("accurate_weight", "head_weight", "bias")  # the combining layer's numbers, as CombinedScorer names them


def sentence_vectors(work: Path, encoder: SentenceEncoder) -> dict[str, np.ndarray]:
    """The MPNet sentence vectors of every split, computed once into `work`."""
    cache = work / "mpnet_vectors.npz"
    if cache.exists():
        return dict(np.load(cache))
    vectors = {}
    for split in SPLITS:
        texts, _ = load_split(split)
        started = time.perf_counter()
        vectors[split] = encoder.encode(texts)
        print(f"{split}: {len(texts)} sentences, {len(texts) / (time.perf_counter() - started):.0f}/s", flush=True)
    np.savez(cache, **vectors)
    return vectors


def standardised_head(vectors: np.ndarray, labels: np.ndarray) -> EmbeddingHead:
    """A logistic head on standardised vectors, the standardisation folded into its weights."""
    mean, scale = vectors.mean(0), vectors.std(0) + 1e-6
    model = LogisticRegression(C=HEAD_C, max_iter=3000).fit((vectors - mean) / scale, labels)
    weights = model.coef_[0] / scale
    return EmbeddingHead(space=MPNET_SPACE, weights=weights, bias=float(model.intercept_[0] - weights @ mean))


def held_out_head_logits(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    folds = debate_folds()
    logits = np.zeros(len(labels))
    for k in range(int(folds.max()) + 1):
        logits[folds == k] = standardised_head(vectors[folds != k], labels[folds != k]).logits(vectors[folds == k])
    return logits


def accurate_held_out(
    accurate: EnsembleScorer, texts: list[str], lexical_held_out: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Accurate's mixed logits on the calibration slice `rows`: its encoder never saw those sentences, and the
    lexical part comes from `lexical_held_out`, probabilities of fits with each sentence's debate held out."""
    lexical = logit(lexical_held_out[rows])
    head = accurate.head.logits(accurate.encoder.encode([texts[i] for i in rows]))
    mixed: np.ndarray = accurate.head_weight * head + (1 - accurate.head_weight) * lexical
    return mixed


def combine(accurate: np.ndarray, head: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
    """The combining layer and both cuts, on held-out logits."""
    layer = LogisticRegression(C=1e6, max_iter=1000).fit(np.stack([accurate, head], 1), labels)
    probability = layer.predict_proba(np.stack([accurate, head], 1))[:, 1]
    f1_threshold, threshold = best_threshold(labels, probability), precision_threshold(labels, probability)
    return {
        "accurate_weight": float(layer.coef_[0, 0]),
        "head_weight": float(layer.coef_[0, 1]),
        "bias": float(layer.intercept_[0]),
        "threshold": threshold,
        "f1_threshold": f1_threshold,
        "held_out_f1_scores": scores(labels, (probability >= f1_threshold).astype(np.int64)),
        "held_out_report": scores(labels, (probability >= threshold).astype(np.int64)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/claims-best"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    encoder = mpnet_sentences()
    vectors = sentence_vectors(args.work, encoder)
    texts, labels = load_split("train")
    rows = calibration_split(labels)
    accurate = load_ensemble_scorer()
    head_held_out = held_out_head_logits(vectors["train"], labels)
    settings = combine(
        accurate_held_out(accurate, texts, out_of_fold(texts, labels), rows), head_held_out[rows], labels[rows]
    )
    head = standardised_head(vectors["train"], labels)
    fold_threshold = best_threshold(labels, sigmoid(head_held_out))
    report: dict[str, Any] = {
        "calibration": settings,
        "calibration_sentences": int(len(rows)),
        "head_alone_cross_debate": scores(labels, (sigmoid(head_held_out) >= fold_threshold).astype(np.int64)),
    }
    scorer = CombinedScorer(accurate, head, encoder, **{k: settings[k] for k in (*LAYER, "threshold", "f1_threshold")})
    for split in ("dev", "dev-test"):
        split_texts, split_labels = load_split(split)
        probability = scorer.probabilities(split_texts, vectors[split])
        report |= at_both_cuts(split, split_labels, probability, scorer.f1_threshold, scorer.threshold)
    head.save(MODEL_DIR, BEST_HEAD_FILE)
    record_profile(
        "best",
        {
            "kind": "MPNet sentence-vector head + accurate, one logistic layer",
            "space": MPNET_SPACE,
            "head_C": HEAD_C,
            **{k: settings[k] for k in (*LAYER, "threshold", "f1_threshold")},
            "precision_target": PRECISION_TARGET,
            "metrics": report,
        },
    )


if __name__ == "__main__":
    main()
