"""Train the `fast` propaganda model (hashed lexical features, linear SI tagger + TC classifier).

Sentence scores and decoding thresholds are chosen by 3-fold cross-fitting on the train split;
the validation split (data.is_validation) is only scored. Usage:
    OMP_NUM_THREADS=1 .venv/bin/python training/propaganda/train_fast.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import load_train, split_ids
from hysteresis import DecodeSettings, decode_spans

from newsprobe.analyse.propaganda.encoder import ENCODER_DIR
from newsprobe.analyse.propaganda.fast import (
    BITS,
    FastModel,
    hash_features,
    ngram_counts,
    sentence_features,
    span_features,
)
from newsprobe.analyse.propaganda.techniques import TECHNIQUE_NAMES
from newsprobe.analyse.propaganda.text import sentences
from newsprobe.eval.semeval_ptc import (
    LabelledSpan,
    score_si,
)

OUT = ENCODER_DIR / "fast.npz"
DIM = 1 << BITS


def design(feature_lists: list[list[str]]) -> sparse.csr_matrix:
    indices = hash_features([f for fs in feature_lists for f in fs])
    indptr = np.cumsum([0, *[len(fs) for fs in feature_lists]])
    data = np.ones(len(indices), dtype=np.float32)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(feature_lists), DIM))
    matrix.sum_duplicates()
    return matrix


def inside(start: int, end: int, spans: list[LabelledSpan]) -> bool:
    return any(min(end, s.end) - max(start, s.start) >= (end - start) / 2 for s in spans)


def fit_binary(x, y, c: float) -> np.ndarray:
    model = LogisticRegression(C=c, solver="liblinear", fit_intercept=False, max_iter=200)
    model.fit(x, y)
    return model.coef_[0].astype(np.float32)


def sentence_weights_for(ids, articles, spans, c=0.5) -> np.ndarray:
    feats, labels = [], []
    for a in ids:
        for start, end in sentences(articles[a]):
            feats.append(sentence_features(articles[a][start:end]))
            labels.append(any(min(end, s.end) > max(start, s.start) for s in spans.get(a, [])))
    return fit_binary(design(feats), np.array(labels), c)


def token_rows(model: FastModel, ids, articles, spans):
    feats, labels = [], []
    for a in ids:
        tokens, token_feats = model.token_feature_lists(articles[a])
        feats.extend(token_feats)
        labels.extend(inside(t.start, t.end, spans.get(a, [])) for t in tokens)
    return design(feats), np.array(labels)


def empty_model(sentence_weights: np.ndarray) -> FastModel:
    n = len(TECHNIQUE_NAMES)
    return FastModel(
        np.zeros(DIM, np.float32),
        sentence_weights,
        np.zeros((DIM, n), np.float32),
        np.zeros(n, np.float32),
    )


def train_si(ids, articles, spans, c=0.3) -> FastModel:
    model = empty_model(sentence_weights_for(ids, articles, spans))
    x, y = token_rows(model, ids, articles, spans)
    model.token_weights = fit_binary(x, y, c)
    return model


def cross_fitted_probabilities(ids, articles, spans, folds=3):
    """Token probabilities for every training article from models that did not see it."""
    out = {}
    for k in range(folds):
        held = ids[k::folds]
        rest = [a for a in ids if a not in set(held)]
        model = train_si(rest, articles, spans)
        for a in held:
            out[a] = model.token_probabilities(articles[a])
        print(f"  fold {k + 1}/{folds} done", flush=True)
    return out


def hysteresis_spans(text: str, tokens, probs, settings: DecodeSettings) -> list[tuple[int, int, float]]:
    return decode_spans(text, [(t.start, t.end) for t in tokens], probs, settings)


def si_score(probabilities, articles, spans, settings: DecodeSettings) -> float:
    gold = [s for a in probabilities for s in spans.get(a, [])]
    predicted = [
        LabelledSpan(a, start, end)
        for a, (tokens, probs) in probabilities.items()
        for start, end, _ in hysteresis_spans(articles[a], tokens, probs, settings)
    ]
    return score_si(gold, predicted).f1


def tune_decoding(probabilities, articles, spans) -> DecodeSettings:
    best = (0.0, DecodeSettings(0.5, 0.3))
    for high in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
        for low in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
            if low > high:
                continue
            for gap in (4, 12, 25):
                settings = DecodeSettings(high, low, gap, 6)
                f1 = si_score(probabilities, articles, spans, settings)
                if f1 > best[0]:
                    best = (f1, settings)
    print(f"  cross-fitted SI F1 {best[0]:.4f} with {best[1]}", flush=True)
    return best[1]


def span_rows(ids, articles, spans):
    feats, labels = [], []
    for a in ids:
        counts = ngram_counts(articles[a])
        for s in spans.get(a, []):
            feats.append(span_features(articles[a], s.start, s.end, counts))
            labels.append(TECHNIQUE_NAMES.index(s.technique))
    return design(feats), np.array(labels)


def train_tc(ids, articles, spans, c: float):
    x, y = span_rows(ids, articles, spans)
    model = LogisticRegression(C=c, max_iter=300)
    model.fit(x, y)
    weights = np.zeros((DIM, len(TECHNIQUE_NAMES)), np.float32)
    bias = np.full(len(TECHNIQUE_NAMES), -30.0, np.float32)
    weights[:, model.classes_] = model.coef_.T
    bias[model.classes_] = model.intercept_
    return weights, bias


def tc_accuracy(weights, bias, ids, articles, spans) -> float:
    x, y = span_rows(ids, articles, spans)
    return float(((x @ weights + bias).argmax(1) == y).mean())


def choose_tc_c(ids, articles, spans) -> float:
    scores = {}
    for c in (0.3, 1.0, 3.0, 10.0):
        accuracies = []
        for k in range(3):
            held = ids[k::3]
            rest = [a for a in ids if a not in set(held)]
            w, b = train_tc(rest, articles, spans, c)
            accuracies.append(tc_accuracy(w, b, held, articles, spans))
        scores[c] = float(np.mean(accuracies))
    print(f"  TC cross-validated accuracy by C: {scores}", flush=True)
    return max(scores, key=scores.get)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--decode", help="HIGH,LOW,GAP: skip the cross-fitted threshold search")
    parser.add_argument("--tc-c", type=float, help="skip the cross-validated search for the TC C")
    args = parser.parse_args()
    started = time.time()
    articles, spans = load_train()
    train_ids, validation_ids = split_ids(list(articles))
    if args.decode:
        high, low, gap = (float(v) for v in args.decode.split(","))
        settings = DecodeSettings(high, low, int(gap), 6)
    else:
        print("SI: cross-fitting decode thresholds", flush=True)
        settings = tune_decoding(cross_fitted_probabilities(train_ids, articles, spans), articles, spans)
    model = train_si(train_ids, articles, spans)
    print("TC: choosing C", flush=True)
    c = args.tc_c or choose_tc_c(train_ids, articles, spans)
    model.span_weights, model.span_bias = train_tc(train_ids, articles, spans, c)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        OUT,
        token_weights=model.token_weights.astype(np.float16),
        sentence_weights=model.sentence_weights.astype(np.float16),
        span_weights=model.span_weights.astype(np.float16),
        span_bias=model.span_bias,
        decode=np.array([settings.high, settings.low, settings.max_gap, settings.min_chars], np.float32),
    )
    shipped = FastModel.load(OUT)
    gold = [s for a in validation_ids for s in spans.get(a, [])]
    predicted = [
        LabelledSpan(a, s, e)
        for a in validation_ids
        for s, e, _ in hysteresis_spans(articles[a], *shipped.token_probabilities(articles[a]), settings)
    ]
    si = score_si(gold, predicted)
    tc = tc_accuracy(shipped.span_weights, shipped.span_bias, validation_ids, articles, spans)
    report = {
        "si_f1": si.f1,
        "si_precision": si.precision,
        "si_recall": si.recall,
        "tc_accuracy_single_label": tc,
        "decode": settings.__dict__,
        "tc_C": c,
        "minutes": (time.time() - started) / 60,
    }
    (HERE / "fast_metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
