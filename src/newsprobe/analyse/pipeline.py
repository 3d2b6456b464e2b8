"""Run a list of analysers over an article with one shared Doc; the loop owns the checks."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..document import Article
from ..errors import AnalyserError
from .base import Analyser, AnalyserFailure, AnalysisContext, Profile, registry
from .nlp import SharedNLP

__all__ = ["AnalysisOutcome", "Pipeline"]


@dataclass
class AnalysisOutcome:
    results: dict[str, BaseModel] = field(default_factory=dict)
    failures: list[AnalyserFailure] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Analysers built once (models load lazily on first use) and run per article."""

    def __init__(
        self,
        analyses: Iterable[str] | None = None,
        *,
        profile: Profile = "accurate",
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """`config` maps an analyser name to its config fields, e.g. {"provenance": {"index_dir": "idx"}}."""
        self.profile = profile
        self.analysers: list[Analyser[Any, Any]] = [
            cls((config or {}).get(cls.name), profile=profile) for cls in registry.resolve(analyses)
        ]
        self.nlp = SharedNLP(profile)
        self.resources: dict[str, Any] = {}

    @property
    def names(self) -> list[str]:
        return [analyser.name for analyser in self.analysers]

    def run(self, article: Article) -> AnalysisOutcome:
        outcome = AnalysisOutcome()
        if not self.analysers:
            return outcome
        started = time.perf_counter()
        doc = self.nlp.doc(article.text)
        outcome.timings["nlp"] = time.perf_counter() - started
        context = AnalysisContext(profile=self.profile, results=outcome.results, resources=self.resources)
        for analyser in self.analysers:
            missing = [name for name in analyser.requires if name not in outcome.results]
            if missing:
                failure = f"skipped: required analyser(s) failed: {', '.join(missing)}"
                outcome.failures.append(AnalyserFailure(analyser=analyser.name, error=failure))
                continue
            started = time.perf_counter()
            try:
                outcome.results[analyser.name] = analyser(article, doc, context)
            except AnalyserError as exc:
                outcome.failures.append(AnalyserFailure(analyser=analyser.name, error=str(exc)))
            outcome.timings[analyser.name] = time.perf_counter() - started
        return outcome
