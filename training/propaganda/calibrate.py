"""Choose each profile's operating point (weights/propaganda/<profile>_point.npz), aimed at SI precision
first: for what the report highlights and for the lower-confidence spans ("show more"), each a BIO
Viterbi decoder setting, a span confidence model and a threshold per technique.

The taggers were trained on the 291 training articles and are overconfident there (accurate SI F1
0.55 on them against 0.40 on unseen articles), so everything here is fitted on the 80 validation
articles, by cross-validation over five folds of them (`fold`):

1. Candidates: the Viterbi decoder at each O bias tried, with runs as spans or every word a span of
   its own, spans cleaned (`tidy.py`), techniques from the profile's TC model. Each candidate's target
   is its SemEval precision credit (the share of its characters inside gold spans).
2. Confidence: logistic regression on `confidence.span_features`, fitted with the credit as a soft label.
3. Thresholds: per technique, by coordinate ascent from one global threshold, for the best SI F1 with
   precision >= an aim (a technique may be switched off). Highlights: the aim is --target or a little
   above (thresholds fitted in-sample fall short of their aim on unseen folds), and the setting must
   reach --target on unseen folds; lower confidence: the best F1.
4. The pair: among highlight settings within NEAR_TIE of the best highlight F1, the one that, with the
   lower-confidence spans that are not inside a highlight, gives the best F1 ("show more").

Reported (nested, averaged over three fold assignments): for each fold, the confidence model and the
thresholds are fitted on the other four folds and scored on it; the shipped point is fitted the same
way on all 80 articles. Writes <profile>_point.npz and training/propaganda/calibration_metrics.json.

    nice .venv/bin/python training/propaganda/calibrate.py [--profiles fast,accurate] [--target 0.55]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import load_train, split_ids

from newsprobe.analyse._numeric import sigmoid
from newsprobe.analyse.mpnet.encoder import MPNET_DIR, MultitaskEncoder
from newsprobe.analyse.mpnet.heads import Heads
from newsprobe.analyse.propaganda.accurate import AccurateHead
from newsprobe.analyse.propaganda.candidates import adjacent_groups, candidate_bounds, evidence
from newsprobe.analyse.propaganda.confidence import (
    LevelPoint,
    OperatingPoint,
    WordRates,
    span_features,
    technique_features,
)
from newsprobe.analyse.propaganda.decode import BioDecoder, inside_as_bio
from newsprobe.analyse.propaganda.encoder import ENCODER_DIR, Encoder
from newsprobe.analyse.propaganda.fast import FastModel
from newsprobe.analyse.propaganda.model import (
    ACCURATE_TAG_WEIGHT,
    BEST_POINT,
    BEST_TAG_WEIGHT,
    FAST_PATH,
    STATIC_PATH,
    fused_techniques,
    mix_tags,
    mix_techniques,
)
from newsprobe.analyse.propaganda.static import StaticTagger
from newsprobe.analyse.propaganda.techniques import TECHNIQUE_NAMES
from newsprobe.analyse.propaganda.words import SO_CALLED
from newsprobe.eval.semeval_ptc import LabelledSpan, merge_spans, score_si

WORK = HERE / "work"
FOLDS = 5
BIASES = (-3.0, -2.0, -1.0, -0.5)
TRANSITION_WEIGHT = 0.0  # 0.5 (the gold transitions at half weight) scored lower for both taggers
C = 0.3  # inverse L2 strength of the confidence model (0.1 and 1.0 scored the same)
MIN_SPANS_FOR_OWN_THRESHOLD = 20
NEVER = 1.01  # a threshold no confidence reaches: the technique is never highlighted
WORD = re.compile(r"\w+(?:['’]\w+)*")


SEEDS = (0, 1, 2)  # the cross-validation is repeated with three fold assignments and averaged
# thresholds fitted for precision `target` fall short of it on unseen folds: they are also fitted for more.
# The 0.025 step matters: a setting that misses the target by a little at +0 often reaches it at +0.025
# with most of its recall (best: F1 0.338 -> 0.356 on unseen folds, training/propaganda/README.md).
SELECTION_MARGINS = (0.0, 0.025, 0.05, 0.1)
# among highlight settings within this much SI F1 of the best, the one that makes the best pair with a
# lower-confidence setting ("show more") is chosen
NEAR_TIE = 0.01
# Every candidate is classified and scored: the fast profile (corpus runs, >= 30 articles/s on one
# core) only tries decoders that give at most this many candidates per validation article.
MAX_CANDIDATES_PER_ARTICLE = {"fast": 50.0, "accurate": float("inf"), "best": float("inf")}
RATES_PATH = ENCODER_DIR / "word_rates.json"
POINT_FILES = {"best": BEST_POINT}  # the best profile's point ships with the shared encoder
RATE_SMOOTHING = 5  # pseudo-occurrences at the overall rate
MIN_WORD_COUNT = 3  # rarer words get the overall rate


def fold(article_id: str, seed: int = 0) -> int:
    return hashlib.sha256(f"newsprobe-propaganda-fold:{seed}:{article_id}".encode()).digest()[0] % FOLDS


def word_rates(articles: dict[str, str], spans, train_ids: list[str]) -> WordRates:
    """How often each word of the training articles (not the validation ones) is inside a gold span."""
    seen: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for a in train_ids:
        gold = merge_spans((s.start, s.end) for s in spans.get(a, []))
        for match in WORD.finditer(articles[a]):
            word = match.group().lower()
            seen[word] += 1
            inside[word] += any(start <= match.start() < end for start, end in gold)
    prior = sum(inside.values()) / sum(seen.values())
    rates = {
        w: round((inside[w] + RATE_SMOOTHING * prior) / (n + RATE_SMOOTHING), 4)
        for w, n in sorted(seen.items())
        if n >= MIN_WORD_COUNT
    }
    RATES_PATH.write_text(json.dumps({"prior": round(prior, 4), "rates": rates}, ensure_ascii=False), encoding="utf-8")
    return WordRates.load(RATES_PATH)


@dataclass
class Outputs:
    """One article's tagger outputs, and its technique classifier."""

    text: str
    offsets: list[tuple[int, int]]
    probabilities: np.ndarray
    encoding: object | None  # the encoder's pass (TC head input)
    other: Outputs | None = None  # the next weaker profile's outputs, averaged in


def raw_outputs(profile: str, ids: list[str], articles: dict[str, str]) -> dict:
    """The taggers' raw outputs are cached in work/ (delete the file when a model changes)."""
    cache = WORK / f"calibrate_{profile}.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    if profile == "accurate":
        encoder = Encoder(threads=1)
        raw = {a: encoder.encode(articles[a]) for a in ids}
    elif profile == "best":
        multitask = MultitaskEncoder(threads=1)
        raw = {a: multitask.encode(articles[a]) for a in ids}
    else:
        static = StaticTagger.load(STATIC_PATH, ENCODER_DIR / "tokenizer.json")
        hashed = FastModel.load(FAST_PATH)
        raw = {a: static.mixed_probabilities(articles[a], hashed) for a in ids}
    WORK.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(raw))
    return raw


def tagger_outputs(profile: str, ids: list[str], articles: dict[str, str]) -> dict[str, Outputs]:
    """Each profile's O/B/I probabilities as the product gives them: best and accurate average their own
    model's with the next weaker profile's (`mix_tags`)."""
    raw = raw_outputs(profile, ids, articles)
    if profile == "fast":
        return {a: Outputs(articles[a], offsets, inside_as_bio(inside), None) for a, (offsets, inside) in raw.items()}
    other = tagger_outputs("accurate" if profile == "best" else "fast", ids, articles)
    weight = BEST_TAG_WEIGHT if profile == "best" else ACCURATE_TAG_WEIGHT
    return {
        a: Outputs(
            articles[a],
            e.offsets,
            mix_tags(e.offsets, e.si_probabilities, other[a].offsets, other[a].probabilities, weight),
            e,
            other[a],
        )
        for a, e in raw.items()
    }


class Classifier:
    def __init__(self, profile: str) -> None:
        self.fast = FastModel.load(FAST_PATH)
        self.head = AccurateHead.load() if profile in ("accurate", "best") else None
        self.multitask = Heads.load(MPNET_DIR / "heads.npz") if profile == "best" else None

    def __call__(self, outputs: Outputs, bounds: list[tuple[int, int]]) -> np.ndarray:
        if self.multitask is not None:
            assert outputs.other is not None
            encoding = outputs.encoding
            mine = self.multitask.technique_probabilities(encoding.states, np.array(encoding.offsets), bounds)  # type: ignore[attr-defined]
            return mix_techniques(mine, self.accurate(outputs.other, bounds))
        return (
            self.accurate(outputs, bounds)
            if self.head is not None
            else self.fast.technique_probabilities(outputs.text, bounds)
        )

    def accurate(self, outputs: Outputs, bounds: list[tuple[int, int]]) -> np.ndarray:
        """The accurate profile's technique probabilities (the MiniLM head fused with the fast model)."""
        assert self.head is not None
        return fused_techniques(self.head, self.fast, outputs.encoding, outputs.text, bounds)  # type: ignore[arg-type]


@dataclass
class Pool:
    """Candidates of one decoder setting over the validation articles."""

    article: list[str]
    bounds: list[tuple[int, int]]
    features: np.ndarray
    technique: np.ndarray
    credit: np.ndarray  # precision credit
    recall: np.ndarray  # recall credit (sum over gold spans of overlap / gold length)
    gold: dict[str, list[tuple[int, int]]]

    def subset(self, keep: np.ndarray) -> Pool:
        index = np.flatnonzero(keep)
        return Pool(
            [self.article[i] for i in index],
            [self.bounds[i] for i in index],
            self.features[index],
            self.technique[index],
            self.credit[index],
            self.recall[index],
            self.gold,
        )


def credits(start: int, end: int, gold: list[tuple[int, int]]) -> tuple[float, float]:
    overlaps = [(max(0, min(end, b) - max(start, a)), b - a) for a, b in gold]
    return sum(o for o, _ in overlaps) / (end - start), sum(o / length for o, length in overlaps)


def build_pool(outputs: dict[str, Outputs], spans, decoder: BioDecoder, classify: Classifier, rates: WordRates) -> Pool:
    article, bounds, features, technique, credit, recall = [], [], [], [], [], []
    gold = {a: merge_spans((s.start, s.end) for s in spans.get(a, [])) for a in outputs}
    for a, out in outputs.items():
        found = candidate_bounds(out.text, out.offsets, out.probabilities, decoder)
        if not found:
            continue
        techniques = classify(out, found)
        headline_end = max(0, out.text.find("\n"))
        for e, row in zip(
            evidence(out.text, out.offsets, out.probabilities, found, headline_end), techniques, strict=True
        ):
            article.append(a)
            bounds.append((e.start, e.end))
            features.append(np.concatenate([span_features(e, rates), technique_features(row)]))
            technique.append(int(row.argmax()))
            p, r = credits(e.start, e.end, gold[a])
            credit.append(p)
            recall.append(r)
    return Pool(article, bounds, np.array(features), np.array(technique), np.array(credit), np.array(recall), gold)


def fit_confidence(
    features: np.ndarray, credit: np.ndarray, c: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Logistic regression with the credit as a soft label: each span counts as positive with weight
    credit and negative with weight 1 - credit."""
    mean, scale = features.mean(0), features.std(0) + 1e-6
    x = (features - mean) / scale
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(
        np.vstack([x, x]),
        np.r_[np.ones(len(x)), np.zeros(len(x))],
        sample_weight=np.r_[credit, 1 - credit] + 1e-6,
    )
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def predict(params: tuple[np.ndarray, np.ndarray, np.ndarray, float], features: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    return sigmoid(((features - mean) / scale) @ coef + intercept)


def out_of_fold(pool: Pool, folds: np.ndarray) -> np.ndarray:
    confidence = np.zeros(len(pool.credit))
    for k in np.unique(folds):
        train = folds != k
        confidence[~train] = predict(fit_confidence(pool.features[train], pool.credit[train], C), pool.features[~train])
    return confidence


def quick_score(keep: np.ndarray, credit: np.ndarray, recall: np.ndarray, n_gold: int) -> tuple[float, float, float]:
    """SI precision, recall and F1 of the kept candidates (they do not overlap, so no merging is needed)."""
    n = keep.sum()
    precision = float(credit[keep].sum() / n) if n else 0.0
    rec = float(recall[keep].sum() / n_gold) if n_gold else 0.0
    f1 = 2 * precision * rec / (precision + rec) if precision + rec else 0.0
    return precision, rec, f1


def best_threshold(confidence, credit, recall, n_gold, target: float) -> float:
    """The threshold with the best F1 among those with precision >= target (the surest span alone if none)."""
    if not len(confidence):
        return NEVER
    order = np.argsort(-confidence, kind="stable")
    kept = np.arange(1, len(order) + 1)
    precision = np.cumsum(credit[order]) / kept
    rec = np.cumsum(recall[order]) / max(1, n_gold)
    f1 = np.where(precision + rec > 0, 2 * precision * rec / np.maximum(precision + rec, 1e-12), 0.0)
    last_of_tie = np.r_[confidence[order][1:] != confidence[order][:-1], True]  # a threshold keeps whole ties
    f1 = np.where((precision >= target) & last_of_tie, f1, -1.0)
    return float(confidence[order][int(f1.argmax())]) if f1.max() >= 0 else float(confidence.max())


def choose_thresholds(
    confidence: np.ndarray, pool: Pool, n_gold: int, target: float, per_technique: bool
) -> np.ndarray:
    """One threshold per technique: coordinate ascent from the best global threshold (two passes); a
    technique with few candidates keeps the global one, and any technique may be switched off."""
    credit, recall, technique = pool.credit, pool.recall, pool.technique
    thresholds = np.full(len(TECHNIQUE_NAMES), best_threshold(confidence, credit, recall, n_gold, target))
    if not per_technique:
        return thresholds

    def f1_with(values: np.ndarray) -> float:
        precision, _, f1 = quick_score(confidence >= values[technique], credit, recall, n_gold)
        return f1 if precision >= target else -1.0

    for _ in range(2):
        for k in range(len(TECHNIQUE_NAMES)):
            mine = confidence[technique == k]
            if len(mine) < MIN_SPANS_FOR_OWN_THRESHOLD:
                continue
            options = [*np.unique(np.round(np.quantile(mine, np.linspace(0, 1, 21)), 3)), NEVER]
            scores = [f1_with(np.where(np.arange(len(thresholds)) == k, value, thresholds)) for value in options]
            if max(scores) > f1_with(thresholds):
                thresholds[k] = options[int(np.argmax(scores))]
    return thresholds


def nested_keep(
    pool: Pool, ids: list[str], targets: tuple[float, ...], per_technique: bool, seed: int
) -> list[np.ndarray]:
    """Which candidates pass at each target precision, every fold decided by a confidence model and
    thresholds fitted on the other folds."""
    folds = np.array([fold(a, seed) for a in pool.article])
    keep = [np.zeros(len(folds), bool) for _ in targets]
    for k in range(FOLDS):
        inner = folds != k
        inner_pool = pool.subset(inner)
        n_gold = sum(len(pool.gold[a]) for a in ids if fold(a, seed) != k)
        params = fit_confidence(inner_pool.features, inner_pool.credit, C)
        fitted, held = predict(params, inner_pool.features), predict(params, pool.features[~inner])
        for target, passed in zip(targets, keep, strict=True):
            thresholds = choose_thresholds(fitted, inner_pool, n_gold, target, per_technique)
            passed[~inner] = held >= thresholds[pool.technique[~inner]]
    return keep


def official(chosen: list[tuple[str, int, int]], ids: list[str], spans) -> dict:
    score = score_si([s for a in ids for s in spans.get(a, [])], [LabelledSpan(a, s, e) for a, s, e in chosen])
    return {
        "precision": score.precision,
        "recall": score.recall,
        "f1": score.f1,
        "predicted_spans": score.predicted_spans,
    }


def kept(pool: Pool, keep: np.ndarray, decoder: BioDecoder, articles: dict[str, str]) -> list[tuple[str, int, int]]:
    """The kept spans as the analyser gives them: word highlights that only spaces separate joined."""
    chosen = [(a, s, e) for a, (s, e), k in zip(pool.article, pool.bounds, keep, strict=True) if k]
    if not decoder.word_spans:
        return chosen
    joined = []
    for a in dict.fromkeys(a for a, _, _ in chosen):
        bounds = [(s, e) for b, s, e in chosen if b == a]
        joined += [(a, bounds[g[0]][0], bounds[g[-1]][1]) for g in adjacent_groups(articles[a], bounds)]
    return joined


def mean_scores(runs: list[dict]) -> dict:
    return {key: float(np.mean([r[key] for r in runs])) for key in runs[0]} | {
        "f1_sd": float(np.std([r["f1"] for r in runs]))
    }


def with_lower(highlights: list[tuple[str, int, int]], lower: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Highlights plus the lower-confidence spans that are not inside one (as `candidates.score_candidates`)."""
    by_article: dict[str, list[tuple[int, int]]] = {}
    for a, s, e in highlights:
        by_article.setdefault(a, []).append((s, e))
    extra = [(a, s, e) for a, s, e in lower if not any(hs <= s and e <= he for hs, he in by_article.get(a, []))]
    return highlights + extra


def reaching(scores: list[dict], target: float) -> list[int]:
    """Indices of the scores whose precision reaches `target` (all of them if none does)."""
    return [i for i, score in enumerate(scores) if score["precision"] >= target] or list(range(len(scores)))


def selection_nested(trials: list[dict], ids: list[str], spans, target: float) -> dict:
    """The highlights' score with the choice of setting (decoder and aim) nested too: for each fold, the
    setting is the one with the best F1 among those reaching `target` on the other folds (the highlight
    choice without `calibrate`'s "show more" tie-break), and its spans of that fold are scored. The reported
    `cross_validated` choice is made on all folds at once, which reads a little high when there are many
    settings to choose from."""
    runs = []
    for s, seed in enumerate(SEEDS):
        folds = {a: fold(a, seed) for a in ids}
        chosen: list[tuple[str, int, int]] = []
        for k in range(FOLDS):
            inner = [a for a in ids if folds[a] != k]
            scores = [official([x for x in t["highlight"][s] if folds[x[0]] != k], inner, spans) for t in trials]
            best = trials[max(reaching(scores, target), key=lambda i: scores[i]["f1"])]
            chosen += [x for x in best["highlight"][s] if folds[x[0]] == k]
        runs.append(official(chosen, ids, spans))
    return mean_scores(runs)


def fit_level(pool: Pool, ids: list[str], decoder: BioDecoder, target: float, per_technique: bool):
    """The shipped level: the confidence model and its thresholds fitted on all validation articles; the
    calibration table compares out-of-fold confidences with the precision credit they predict."""
    mean, scale, coef, intercept = params = fit_confidence(pool.features, pool.credit, C)
    thresholds = choose_thresholds(
        predict(params, pool.features), pool, sum(len(pool.gold[a]) for a in ids), target, per_technique
    )
    level = LevelPoint(decoder, mean, scale, coef, intercept, thresholds)
    confidence = out_of_fold(pool, np.array([fold(a) for a in pool.article]))
    bins = np.digitize(confidence, [0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    calibration = [
        {
            "mean_confidence": float(confidence[bins == b].mean()),
            "mean_precision_credit": float(pool.credit[bins == b].mean()),
            "spans": int((bins == b).sum()),
        }
        for b in range(7)
        if (bins == b).any()
    ]
    return level, calibration


def calibrate(profile: str, target: float, per_technique: bool, articles, spans, ids, rates: WordRates) -> dict:
    started = time.time()
    outputs = tagger_outputs(profile, ids, articles)
    classify = Classifier(profile)
    trials = []
    for word_spans, bias in itertools.product((False, True), BIASES):
        decoder = BioDecoder(bias, TRANSITION_WEIGHT, word_spans)
        pool = build_pool(outputs, spans, decoder, classify, rates)
        if len(pool.credit) > MAX_CANDIDATES_PER_ARTICLE[profile] * len(ids):
            print(profile, decoder, len(pool.credit), "candidates: over the budget", flush=True)
            continue
        aims = tuple(target + margin for margin in SELECTION_MARGINS)
        runs = [nested_keep(pool, ids, (*aims, 0.0), per_technique, seed) for seed in SEEDS]
        lower = [kept(pool, run[-1], decoder, articles) for run in runs]
        for index, aim in enumerate(aims):
            highlight = [kept(pool, run[index], decoder, articles) for run in runs]
            score = mean_scores([official(h, ids, spans) for h in highlight])
            trials.append(
                {
                    "decoder": decoder,
                    "aim": aim,
                    "pool": pool,
                    "highlight": highlight,
                    "lower": lower,
                    "highlight_score": score,
                }
            )
            print(profile, decoder, f"aim {aim:.2f}", len(pool.credit), "highlight", score, flush=True)
    eligible = [trials[i] for i in reaching([t["highlight_score"] for t in trials], target)]
    top = max(t["highlight_score"]["f1"] for t in eligible)
    near_best = [t for t in eligible if t["highlight_score"]["f1"] >= top - NEAR_TIE]
    pairs = []
    for highlight in near_best:
        for trial in trials:
            if trial["aim"] != trials[0]["aim"]:
                continue  # the lower level does not depend on the highlight aim
            runs = [with_lower(h, low) for h, low in zip(highlight["highlight"], trial["lower"], strict=True)]
            pairs.append((highlight, trial, mean_scores([official(r, ids, spans) for r in runs])))
            print(profile, "highlight", highlight["decoder"], "lower", trial["decoder"], pairs[-1][2], flush=True)
    best, lower, both = max(pairs, key=lambda pair: pair[2]["f1"])
    highlight_level, highlight_calibration = fit_level(best["pool"], ids, best["decoder"], best["aim"], per_technique)
    lower_level, lower_calibration = fit_level(lower["pool"], ids, lower["decoder"], 0.0, per_technique)
    OperatingPoint(highlight_level, lower_level).save(POINT_FILES.get(profile, ENCODER_DIR / f"{profile}_point.npz"))
    return {
        "target_precision": target,
        "per_technique_thresholds": per_technique,
        "cross_validated": {"highlight": best["highlight_score"], "with_lower_confidence": both},
        "cross_validated_with_the_setting_choice": {"highlight": selection_nested(trials, ids, spans, target)},
        "highlight": {
            "decoder": best["decoder"].__dict__,
            "threshold_aim": best["aim"],
            "thresholds": dict(zip(TECHNIQUE_NAMES, map(float, highlight_level.thresholds), strict=True)),
            "out_of_fold_calibration": highlight_calibration,
        },
        "lower": {
            "decoder": lower["decoder"].__dict__,
            "thresholds": dict(zip(TECHNIQUE_NAMES, map(float, lower_level.thresholds), strict=True)),
            "out_of_fold_calibration": lower_calibration,
        },
        "trials": [
            {
                **t["decoder"].__dict__,
                "threshold_aim": t["aim"],
                "candidates": len(t["pool"].credit),
                "highlight": t["highlight_score"],
            }
            for t in trials
        ],
        "pairs": [
            {
                "highlight": h["decoder"].__dict__ | {"aim": h["aim"]},
                "lower": low["decoder"].__dict__,
                "with_lower_confidence": score,
            }
            for h, low, score in pairs
        ],
        "minutes": (time.time() - started) / 60,
    }


def so_called_precision(articles: dict[str, str], spans) -> dict:
    """The mean SemEval precision credit of "so-called X" spans over all training articles
    (`words.SO_CALLED_PRECISION`, the confidence such a label gets)."""
    found = []
    for a, text in articles.items():
        gold = merge_spans((s.start, s.end) for s in spans.get(a, []))
        found += [credits(*m.span(), gold)[0] for m in SO_CALLED.finditer(text)]
    return {"spans": len(found), "mean_precision_credit": float(np.mean(found)) if found else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", default="fast,accurate")
    parser.add_argument("--target", type=float, default=0.55)
    parser.add_argument("--global-threshold", action="store_true", help="one threshold for every technique")
    args = parser.parse_args()
    articles, spans = load_train()
    train_ids, ids = split_ids(list(articles))
    rates = word_rates(articles, spans, train_ids)
    path = HERE / "calibration_metrics.json"
    report = json.loads(path.read_text()) if path.is_file() else {}
    report["so_called"] = so_called_precision(articles, spans)
    for profile in filter(None, args.profiles.split(",")):
        report[profile] = calibrate(profile, args.target, not args.global_threshold, articles, spans, ids, rates)
    path.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
