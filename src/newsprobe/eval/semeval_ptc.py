"""The propaganda contract (SemEval-2020 Task 11, PTC): articles and label files, SI/TC predictions, the scorers.

Articles are `article<ID>.txt`, read as UTF-8 without newline translation; label lines are
`ID<TAB>start<TAB>end` (SI) or `ID<TAB>technique<TAB>start<TAB>end` (TC), offsets in code points.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..analyse.base import AnalysisContext, Profile
from ..analyse.propaganda import TECHNIQUE_NAMES, find_candidates, load_model
from ..errors import InputError

__all__ = [
    "LabelledSpan",
    "SIScore",
    "TCScore",
    "merge_spans",
    "predict_si",
    "predict_tc",
    "rank_labels",
    "read_articles",
    "read_labels",
    "read_text",
    "score_si",
    "score_tc",
    "write_labels",
]


_ARTICLE_NAME = re.compile(r"^article(\d+)\.txt$")


@dataclass(frozen=True)
class LabelledSpan:
    article_id: str
    start: int
    end: int
    technique: str = "?"


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def read_articles(directory: Path) -> dict[str, str]:
    """Every `article<ID>.txt` in `directory`, by ID (sorted)."""
    if not directory.is_dir():
        raise InputError(f"not a directory: {directory}")
    found = {match.group(1): path for path in directory.iterdir() if (match := _ARTICLE_NAME.match(path.name))}
    return {article_id: read_text(found[article_id]) for article_id in sorted(found)}


def _parse_line(fields: list[str], where: str) -> LabelledSpan:
    try:
        if len(fields) == 3:
            return LabelledSpan(fields[0], int(fields[1]), int(fields[2]))
        if len(fields) >= 4:
            return LabelledSpan(fields[0], int(fields[2]), int(fields[3]), fields[1])
    except ValueError:
        pass
    raise InputError(f"{where}: expected ID<TAB>[technique<TAB>]start<TAB>end")


def read_labels(path: Path) -> list[LabelledSpan]:
    """SI (3 columns) or TC (4 columns) label lines, in file order; blank lines are skipped."""
    if not path.is_file():
        raise InputError(f"no such label file: {path}")
    spans = []
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if line.strip():
            spans.append(_parse_line(line.rstrip("\r\n").split("\t"), f"{path}:{number}"))
    return spans


def read_label_dir(directory: Path) -> list[LabelledSpan]:
    """All spans from a folder of per-article label files."""
    spans: list[LabelledSpan] = []
    for path in sorted(directory.glob("*.labels")):
        spans.extend(read_labels(path))
    return spans


def write_labels(spans: list[LabelledSpan], *, with_technique: bool) -> str:
    if with_technique:
        return "".join(f"{s.article_id}\t{s.technique}\t{s.start}\t{s.end}\n" for s in spans)
    return "".join(f"{s.article_id}\t{s.start}\t{s.end}\n" for s in spans)


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
    return SIScore(
        precision=precision, recall=recall, f1=_f1(precision, recall), predicted_spans=n_pred, gold_spans=n_gold
    )


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
        label: _f1(
            correct[label] / pred_count[label] if pred_count[label] else 0.0,
            correct[label] / gold_count[label] if gold_count[label] else 0.0,
        )
        for label in sorted(gold_count | pred_count)
    }
    return TCScore(
        micro_f1=_f1(precision, recall),
        precision=precision,
        recall=recall,
        per_technique=per_technique,
        gold_spans=n_gold,
        predicted_spans=n_pred,
    )


def _contexts(profile: Profile) -> Iterator[AnalysisContext]:
    """A fresh per-article context (memo) sharing one set of loaded models."""
    resources: dict[str, Any] = {}
    while True:
        yield AnalysisContext(profile=profile, resources=resources)


def predict_si(articles: dict[str, str], profile: Profile, lower_confidence: bool = False) -> list[LabelledSpan]:
    """The spans the report highlights (precision first); with `lower_confidence` the lower-confidence
    ones too. The first line of a PTC article is its headline."""
    contexts = _contexts(profile)
    predicted = []
    for article_id, text in articles.items():
        context = next(contexts)
        found = find_candidates(load_model(profile, context), text, context, headline_end=max(0, text.find("\n")))
        predicted += [
            LabelledSpan(article_id, c.start, c.end) for c in found if lower_confidence or c.level == "highlight"
        ]
    return predicted


def rank_labels(probabilities: Any) -> list[str]:
    order = sorted(range(len(TECHNIQUE_NAMES)), key=lambda k: -float(probabilities[k]))
    return [TECHNIQUE_NAMES[k] for k in order]


def predict_tc(articles: dict[str, str], spans: list[LabelledSpan], profile: Profile) -> list[LabelledSpan]:
    """One label per input line, in input order; the k-th line of one span gets its k-th best technique."""
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        if span.article_id not in articles:
            raise InputError(
                f"span for article {span.article_id}, but article{span.article_id}.txt is not in the folder"
            )
        text = articles[span.article_id]
        if not 0 <= span.start <= span.end <= len(text):
            raise InputError(
                f"span {span.start}-{span.end} is outside article {span.article_id} ({len(text)} characters)"
            )
        if (span.start, span.end) not in by_article[span.article_id]:
            by_article[span.article_id].append((span.start, span.end))
    ranked: dict[tuple[str, int, int], list[str]] = {}
    contexts = _contexts(profile)
    for article_id, bounds in by_article.items():
        context = next(contexts)
        probabilities = load_model(profile, context).techniques(articles[article_id], bounds, context)
        for (start, end), row in zip(bounds, probabilities, strict=True):
            ranked[(article_id, start, end)] = rank_labels(row)
    seen: dict[tuple[str, int, int], int] = defaultdict(int)
    labelled = []
    for span in spans:
        key = (span.article_id, span.start, span.end)
        labels = ranked[key]
        labelled.append(LabelledSpan(span.article_id, span.start, span.end, labels[seen[key] % len(labels)]))
        seen[key] += 1
    return labelled
