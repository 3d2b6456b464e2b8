"""Quotes fixtures: one shared spaCy pipeline and the analysed reference page."""

from __future__ import annotations

import pytest

from newsprobe.analyse.pipeline import Pipeline
from newsprobe.analyse.quotes import QuotesResult
from newsprobe.document import Article


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


REFERENCE_CONFIGURATIONS = {
    "accurate": ("accurate", "auto"),
    "fast + tagger": ("fast", "tagger"),
    "fast rules": ("fast", "rules"),
}


@pytest.fixture(scope="session", params=list(REFERENCE_CONFIGURATIONS))
def reference_quotes(request: pytest.FixtureRequest, reference_article) -> tuple[Article, QuotesResult]:
    """The reference page's quotes in each profile / method (every expectation holds in all three)."""
    profile, method = REFERENCE_CONFIGURATIONS[request.param]
    pipeline = Pipeline(["quotes"], profile=profile, config={"quotes": {"method": method}})
    outcome = pipeline.run(reference_article)
    assert not outcome.failures, outcome.failures
    return reference_article, outcome.results["quotes"]
