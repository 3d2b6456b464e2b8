"""Official SemEval-2020 Task 11 metrics, our own implementation.

SI: spans are character sets; overlapping spans of one article are merged (gold and prediction);
P = sum over pairs |s∩t|/|s| divided by #predicted spans, R = sum |s∩t|/|t| divided by #gold spans,
F1 their harmonic mean (both empty: 1). TC: micro-F1 over the given gold spans, with the best
one-to-one matching where one span carries several techniques; per-technique F1 as well.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from pydantic import BaseModel

from ._propaganda_corpus import LabelledSpan

__all__ = ["SIScore", "TCScore", "merge_spans", "score_si", "score_tc"]


class SIScore(BaseModel):
    precision: float
    recall: float
    f1: float
    predicted_spans: int
    gold_spans: int


class TCScore(BaseModel):
    micro_f1: float
    precision: float
    recall: float
    per_technique: dict[str, float]
    gold_spans: int
    predicted_spans: int


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping (sharing at least one character) spans; empty spans are dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _by_article(spans: Iterable[LabelledSpan]) -> dict[str, list[tuple[int, int]]]:
    grouped: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        grouped[span.article_id].append((span.start, span.end))
    return {article: merge_spans(items) for article, items in grouped.items()}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def score_si(gold: Iterable[LabelledSpan], predicted: Iterable[LabelledSpan]) -> SIScore:
    gold_spans, predicted_spans = _by_article(gold), _by_article(predicted)
    n_gold = sum(len(v) for v in gold_spans.values())
    n_pred = sum(len(v) for v in predicted_spans.values())
    if n_gold == 0 and n_pred == 0:
        return SIScore(precision=1.0, recall=1.0, f1=1.0, predicted_spans=0, gold_spans=0)
    precision_sum = recall_sum = 0.0
    for article, preds in predicted_spans.items():
        for s_start, s_end in preds:
            for t_start, t_end in gold_spans.get(article, []):
                overlap = min(s_end, t_end) - max(s_start, t_start)
                if overlap > 0:
                    precision_sum += overlap / (s_end - s_start)
                    recall_sum += overlap / (t_end - t_start)
    precision = precision_sum / n_pred if n_pred else 0.0
    recall = recall_sum / n_gold if n_gold else 0.0
    return SIScore(precision=precision, recall=recall, f1=_f1(precision, recall), predicted_spans=n_pred, gold_spans=n_gold)


def _matched(gold_labels: list[str], predicted_labels: list[str]) -> Counter[str]:
    """Correct predictions per technique for one span position under the best one-to-one matching."""
    correct: Counter[str] = Counter()
    remaining = Counter(gold_labels)
    for label in predicted_labels:
        if remaining[label] > 0:
            remaining[label] -= 1
            correct[label] += 1
    return correct


def score_tc(gold: Iterable[LabelledSpan], predicted: Iterable[LabelledSpan]) -> TCScore:
    """Predictions are matched to gold spans by (article, start, end); unmatched ones count as wrong."""
    gold_at: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    pred_at: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for span in gold:
        gold_at[(span.article_id, span.start, span.end)].append(span.technique)
    for span in predicted:
        pred_at[(span.article_id, span.start, span.end)].append(span.technique)
    correct: Counter[str] = Counter()
    for key, labels in pred_at.items():
        correct += _matched(gold_at.get(key, []), labels)
    gold_count = Counter(label for labels in gold_at.values() for label in labels)
    pred_count = Counter(label for labels in pred_at.values() for label in labels)
    n_gold, n_pred, n_correct = sum(gold_count.values()), sum(pred_count.values()), sum(correct.values())
    precision = n_correct / n_pred if n_pred else 0.0
    recall = n_correct / n_gold if n_gold else 0.0
    per_technique = {
        label: _f1(correct[label] / pred_count[label] if pred_count[label] else 0.0,
                   correct[label] / gold_count[label] if gold_count[label] else 0.0)
        for label in sorted(gold_count | pred_count)
    }
    return TCScore(micro_f1=_f1(precision, recall), precision=precision, recall=recall,
                   per_technique=per_technique, gold_spans=n_gold, predicted_spans=n_pred)
