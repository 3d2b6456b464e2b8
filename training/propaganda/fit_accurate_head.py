"""After export_accurate.py: fit the TC head (logistic regression on span vectors from the shipped
int8 encoder) and choose SI decoding thresholds; writes src/newsprobe/weights/propaganda/accurate.npz.

Thresholds are chosen on half A of the validation split (by article-id hash parity) and the
metrics are reported on half B and on the whole validation split. The TC head is fitted on the
train split only; its C by 3-fold cross-validation on the train split.
    OMP_NUM_THREADS=1 .venv/bin/python training/propaganda/fit_accurate_head.py
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import load_train, split_ids
from hysteresis import DecodeSettings, si_decode

from newsprobe.analyse.propaganda.accurate import span_vector
from newsprobe.analyse.propaganda.encoder import ENCODER_DIR, Encoder
from newsprobe.analyse.propaganda.fast import ngram_counts
from newsprobe.analyse.propaganda.techniques import TECHNIQUE_NAMES
from newsprobe.eval.semeval_ptc import (
    LabelledSpan,
    score_si,
)

OUT = ENCODER_DIR / "accurate.npz"


def half_a(article_id: str) -> bool:
    return hashlib.sha256(f"half:{article_id}".encode()).digest()[0] % 2 == 0


def encode_all(encoder: Encoder, ids, articles):
    out = {}
    for n, a in enumerate(ids):
        out[a] = encoder.encode(articles[a])
        if n % 50 == 0:
            print(f"  encoded {n}/{len(ids)}", flush=True)
    return out


def rows(encodings, articles, spans):
    x, y = [], []
    for a, encoding in encodings.items():
        counts = ngram_counts(articles[a])
        for s in spans.get(a, []):
            x.append(span_vector(encoding, articles[a], s.start, s.end, counts))
            y.append(TECHNIQUE_NAMES.index(s.technique))
    return np.stack(x), np.array(y)


def fit(x, y, c):
    mean, scale = x.mean(0), x.std(0) + 1e-6
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit((x - mean) / scale, y)
    coef = np.zeros((len(TECHNIQUE_NAMES), x.shape[1]), np.float32)
    intercept = np.full(len(TECHNIQUE_NAMES), -30.0, np.float32)
    coef[model.classes_], intercept[model.classes_] = model.coef_, model.intercept_
    return coef, intercept, mean, scale


def accuracy(head, x, y) -> float:
    coef, intercept, mean, scale = head
    return float(((((x - mean) / scale) @ coef.T + intercept).argmax(1) == y).mean())


def si_f1(encodings, articles, spans, settings, breaks) -> dict:
    gold = [s for a in encodings for s in spans.get(a, [])]
    predicted = [
        LabelledSpan(a, s, e)
        for a, enc in encodings.items()
        for s, e, _ in si_decode(articles[a], enc, settings, breaks)
    ]
    return score_si(gold, predicted).model_dump()


def tune(encodings, articles, spans):
    best = (-1.0, None, None)
    for high in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        for low in (0.1, 0.15, 0.2, 0.25, 0.3):
            if low > high:
                continue
            for gap in (4, 12, 25):
                for breaks in (False, True):
                    settings = DecodeSettings(high, low, gap, 6)
                    f1 = si_f1(encodings, articles, spans, settings, breaks)["f1"]
                    if f1 > best[0]:
                        best = (f1, settings, breaks)
    return best


def head_probabilities(head, x):
    coef, intercept, mean, scale = head
    z = ((x - mean) / scale) @ coef.T + intercept
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)


def choose_fusion(head, val, articles, spans):
    """Weight w of the accurate TC head in w * accurate + (1 - w) * fast, chosen on half A of validation."""
    from newsprobe.analyse.propaganda.fast import FastModel
    from newsprobe.analyse.propaganda.model import FAST_PATH

    fast = FastModel.load(FAST_PATH)
    parts = {"a": ([], [], []), "b": ([], [], [])}
    for a, encoding in val.items():
        bounds = [(s.start, s.end) for s in spans.get(a, [])]
        if not bounds:
            continue
        x, y = rows({a: encoding}, articles, spans)
        target = parts["a" if half_a(a) else "b"]
        target[0].append(head_probabilities(head, x))
        target[1].append(fast.technique_probabilities(articles[a], bounds))
        target[2].append(y)
    stacked = {k: tuple(np.concatenate(v) for v in value) for k, value in parts.items()}

    def acc(k, w):
        p_acc, p_fast, y = stacked[k]
        return float(((w * p_acc + (1 - w) * p_fast).argmax(1) == y).mean())

    weights = [round(0.1 * i, 1) for i in range(11)]
    best = max(weights, key=lambda w: acc("a", w))
    return best, {
        "tc_fusion_weight": best,
        "tc_fusion_half_a": {w: acc("a", w) for w in weights},
        "tc_fusion_half_b": acc("b", best),
        "tc_accurate_only_half_b": acc("b", 1.0),
        "tc_fast_only_half_b": acc("b", 0.0),
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--train-limit", type=int, default=0, help="fit the TC head on the first N train articles (0: all)"
    )
    args = parser.parse_args()
    started = time.time()
    articles, spans = load_train()
    train_ids, validation_ids = split_ids(list(articles))
    encoder = Encoder(threads=1)
    print("encoding validation", flush=True)
    val = encode_all(encoder, validation_ids, articles)
    val_a = {a: e for a, e in val.items() if half_a(a)}
    val_b = {a: e for a, e in val.items() if not half_a(a)}
    f1_a, settings, breaks = tune(val_a, articles, spans)
    print(f"SI decoding chosen on half A: F1 {f1_a:.4f} {settings} breaks={breaks}", flush=True)
    report = {
        "si_half_b": si_f1(val_b, articles, spans, settings, breaks),
        "si_validation": si_f1(val, articles, spans, settings, breaks),
    }
    print(json.dumps(report, indent=2), flush=True)

    print("encoding train", flush=True)
    train = encode_all(encoder, train_ids[: args.train_limit] if args.train_limit else train_ids, articles)
    x, y = rows(train, articles, spans)
    xv, yv = rows(val, articles, spans)
    folds = np.arange(len(y)) % 3
    cv = {}
    for c in (0.001, 0.003, 0.01, 0.03):
        cv[c] = float(
            np.mean([accuracy(fit(x[folds != k], y[folds != k], c), x[folds == k], y[folds == k]) for k in range(3)])
        )
    c = max(cv, key=cv.get)
    head = fit(x, y, c)
    n_states = (
        encoder.session.get_outputs()[2].shape[-1]
        if isinstance(encoder.session.get_outputs()[2].shape[-1], int)
        else 768
    )
    tech = slice(768, 768 + len(TECHNIQUE_NAMES))
    report.update(
        {
            "tc_cv_by_C": cv,
            "tc_C": c,
            "tc_validation_single_label": accuracy(head, xv, yv),
            "tc_validation_tech_head_argmax": float((xv[:, tech].argmax(1) == yv).mean()),
            "decode": {**settings.__dict__, "breaks": breaks},
            "minutes": (time.time() - started) / 60,
            "tc_train_articles": len(train),
            "state_dim": n_states,
        }
    )
    fusion, fusion_report = choose_fusion(head, val, articles, spans)
    report.update(fusion_report)
    coef, intercept, mean, scale = head
    np.savez_compressed(
        OUT,
        coef=coef.astype(np.float16),
        intercept=intercept,
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        decode=np.array([settings.high, settings.low, settings.max_gap, settings.min_chars, float(breaks)], np.float32),
        fusion=np.array([fusion], np.float32),
    )
    (HERE / "accurate_metrics.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
