"""Run a list of analysers over an article with one shared Doc; the loop owns the checks."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel

from ..document import Article
from ..errors import AnalyserError, InputError, UnknownAnalyserError
from . import mpnet
from .base import Analyser, AnalyserFailure, AnalyserSkip, AnalysisContext, Profile, registry
from .nlp import SharedNLP

__all__ = ["AnalysisOutcome", "Pipeline"]


@dataclass
class AnalysisOutcome:
    results: dict[str, BaseModel] = field(default_factory=dict)
    failures: list[AnalyserFailure] = field(default_factory=list)
    skipped: list[AnalyserSkip] = field(default_factory=list)
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
        if profile not in get_args(Profile):
            raise InputError(f"unknown profile {profile!r} (fast, accurate or best)")
        unknown = sorted(set(config or {}) - set(registry.names()))
        if unknown:
            raise UnknownAnalyserError(f"config for unknown analyser(s): {', '.join(unknown)}")
        if profile == "best":
            mpnet.require_available()
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
        runnable = self._runnable(article, outcome)
        if not runnable:
            return outcome
        started = time.perf_counter()
        needs_doc = any(analyser.uses_doc for analyser in runnable)
        doc = self.nlp.doc(article.text) if needs_doc else self.nlp.empty_doc()
        outcome.timings["nlp"] = time.perf_counter() - started
        context = AnalysisContext(profile=self.profile, results=outcome.results, resources=self.resources)
        for analyser in runnable:
            missing = [name for name in analyser.requires if name not in outcome.results]
            if missing:
                failure = f"not run: it needs {' and '.join(self._titles(missing))}, which did not give a result"
                outcome.failures.append(AnalyserFailure(analyser=analyser.name, error=failure))
                continue
            started = time.perf_counter()
            try:
                outcome.results[analyser.name] = analyser(article, doc, context)
            except AnalyserError as exc:
                outcome.failures.append(AnalyserFailure(analyser=analyser.name, error=exc.message))
            outcome.timings[analyser.name] = time.perf_counter() - started
        return outcome

    def _titles(self, names: list[str]) -> list[str]:
        titles = {analyser.name: analyser.display_title() for analyser in self.analysers}
        return [titles.get(name, name.title()) for name in names]

    def _runnable(self, article: Article, outcome: AnalysisOutcome) -> list[Analyser[Any, Any]]:
        """The analysers that read the article's language; the others are recorded as skipped, with why."""
        language = article.metadata.language
        runnable: list[Analyser[Any, Any]] = []
        for analyser in self.analysers:
            skipped = {skip.analyser for skip in outcome.skipped}
            blocked = [name for name in analyser.requires if name in skipped]
            if language is not None and not analyser.reads(language):
                outcome.skipped.append(analyser.language_skip(language))
            elif blocked:
                message = f"not run: it needs {', '.join(blocked)}, which did not run on this article"
                skip = AnalyserSkip(
                    analyser=analyser.name, reason="required_analyser_not_run", language=language, message=message
                )
                outcome.skipped.append(skip)
            else:
                runnable.append(analyser)
        return runnable
