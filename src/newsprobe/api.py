"""The one app object behind the CLI, the web app and corpus jobs.

>>> import newsprobe
>>> report = newsprobe.analyze("article.html")              # a path, URL, '-' or RawDocument
>>> app = newsprobe.Newsprobe(analyses=["entities"], profile="fast")
>>> app.analyze(newsprobe.from_text("By Jane Doe\\n\\nBody ..."))
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from .analyse.base import Profile
from .analyse.pipeline import Pipeline
from .document import Article, InputDescription
from .extract import extract as extract_article
from .ingest import FetchPolicy, InputFormat, SourceLike, load
from .ingest.url import FETCH_POLICY_RESOURCE
from .report.model import Report

__all__ = ["Newsprobe", "analyze", "extract"]


class Newsprobe:
    """Analysers are built once; models load lazily on first use and stay loaded."""

    def __init__(
        self,
        analyses: Iterable[str] | None = None,
        *,
        profile: Profile = "accurate",
        fetch_policy: FetchPolicy | None = None,
        config: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """`config` maps analyser names to their settings, e.g. {"provenance": {"index_dir": "idx/"}}."""
        self.pipeline = Pipeline(analyses, profile=profile, config=config)
        self.fetch_policy = fetch_policy or FetchPolicy()
        self.pipeline.resources[FETCH_POLICY_RESOURCE] = self.fetch_policy  # analysers that fetch use the same guard

    @property
    def profile(self) -> Profile:
        return self.pipeline.profile

    def extract(self, source: SourceLike, *, input_format: InputFormat | None = None) -> Article:
        return extract_article(load(source, input_format=input_format, policy=self.fetch_policy))

    def analyze(self, source: SourceLike, *, input_format: InputFormat | None = None) -> Report:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        raw = load(source, input_format=input_format, policy=self.fetch_policy)
        timings["ingest"] = time.perf_counter() - started
        started = time.perf_counter()
        article = extract_article(raw)
        timings["extract"] = time.perf_counter() - started
        return self.analyze_article(article, raw.description, timings)

    def analyze_article(
        self, article: Article, description: InputDescription, timings: dict[str, float] | None = None
    ) -> Report:
        outcome = self.pipeline.run(article)
        return Report(
            profile=self.profile,
            input=description,
            article=article,
            analyses=outcome.results,
            failures=outcome.failures,
            skipped=outcome.skipped,
            timings={**(timings or {}), **outcome.timings},
        )


@lru_cache(maxsize=4)
def _shared_app(analyses: tuple[str, ...] | None, profile: Profile) -> Newsprobe:
    return Newsprobe(analyses, profile=profile)


def analyze(
    source: SourceLike,
    *,
    analyses: Sequence[str] | None = None,
    input_format: InputFormat | None = None,
    profile: Profile = "accurate",
) -> Report:
    """Analyse one article from a path, URL, '-' (stdin) or RawDocument."""
    app = _shared_app(tuple(analyses) if analyses is not None else None, profile)
    return app.analyze(source, input_format=input_format)


def extract(source: SourceLike, *, input_format: InputFormat | None = None) -> Article:
    """Extraction only: clean text, paragraphs, metadata, removed boilerplate."""
    return extract_article(load(source, input_format=input_format))
