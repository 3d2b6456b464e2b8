"""Quotes fixtures: one shared spaCy pipeline and the analysed reference page."""

from __future__ import annotations

import pytest

from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes import QuotesResult
from newsprobe.models import Article


@pytest.fixture(scope="session")
def quotes_pipeline() -> Pipeline:
    return Pipeline(["quotes"])


@pytest.fixture(scope="session")
def analyse_quotes(quotes_pipeline: Pipeline):
    def run(text: str) -> QuotesResult:
        outcome = quotes_pipeline.run(Article(text=text))
        assert not outcome.failures, outcome.failures
        result = outcome.results["quotes"]
        assert isinstance(result, QuotesResult)
        return result

    return run


@pytest.fixture(scope="session")
def reference_quotes(reference_article, quotes_pipeline: Pipeline) -> tuple[Article, QuotesResult]:
    outcome = quotes_pipeline.run(reference_article)
    assert not outcome.failures, outcome.failures
    return reference_article, outcome.results["quotes"]
