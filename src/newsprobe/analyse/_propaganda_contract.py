"""The SemEval-2020 Task 11 evaluation contract: predict SI spans / TC labels for article folders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ._propaganda_corpus import LabelledSpan
from ._propaganda_models import load_model
from ._propaganda_techniques import TECHNIQUE_NAMES
from .base import AnalysisContext, Profile

__all__ = ["predict_si", "predict_tc", "rank_labels"]


def _contexts(profile: Profile) -> Iterator[AnalysisContext]:
    """A fresh per-article context (memo) sharing one set of loaded models."""
    resources: dict[str, Any] = {}
    while True:
        yield AnalysisContext(profile=profile, resources=resources)


def predict_si(articles: dict[str, str], profile: Profile) -> list[LabelledSpan]:
    contexts = _contexts(profile)
    predicted = []
    for article_id, text in articles.items():
        context = next(contexts)
        model = load_model(profile, context)
        predicted += [LabelledSpan(article_id, s, e) for s, e, _ in model.spans(text, context)]
    return predicted


def rank_labels(probabilities: Any) -> list[str]:
    order = sorted(range(len(TECHNIQUE_NAMES)), key=lambda k: -float(probabilities[k]))
    return [TECHNIQUE_NAMES[k] for k in order]


def predict_tc(articles: dict[str, str], spans: list[LabelledSpan], profile: Profile) -> list[LabelledSpan]:
    """One label per input line, in input order; the k-th line of one span gets its k-th best technique."""
    by_article: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        if span.article_id not in articles:
            raise InputError(f"span for article {span.article_id}, but article{span.article_id}.txt is not in the folder")
        text = articles[span.article_id]
        if not 0 <= span.start <= span.end <= len(text):
            raise InputError(f"span {span.start}-{span.end} is outside article {span.article_id} ({len(text)} characters)")
        if (span.start, span.end) not in by_article[span.article_id]:
            by_article[span.article_id].append((span.start, span.end))
    ranked: dict[tuple[str, int, int], list[str]] = {}
    contexts = _contexts(profile)
    for article_id, bounds in by_article.items():
        context = next(contexts)
        probabilities = load_model(profile, context).techniques(articles[article_id], bounds, context)
        for (start, end), row in zip(bounds, probabilities):
            ranked[(article_id, start, end)] = rank_labels(row)
    seen: dict[tuple[str, int, int], int] = defaultdict(int)
    labelled = []
    for span in spans:
        key = (span.article_id, span.start, span.end)
        labels = ranked[key]
        labelled.append(LabelledSpan(span.article_id, span.start, span.end, labels[seen[key] % len(labels)]))
        seen[key] += 1
    return labelled
