"""The best profile end to end: one encoder pass per article serves propaganda, quotes and claims."""

from __future__ import annotations

import pytest

from newsprobe.analyse import mpnet
from newsprobe.analyse.pipeline import Pipeline

pytestmark = pytest.mark.skipif(
    not mpnet.available(), reason="the best profile is not installed (its base weights or shipped files)"
)


@pytest.fixture(scope="module")
def best_pipeline() -> Pipeline:
    return Pipeline(["entities", "quotes", "claims", "propaganda"], profile="best")


def test_one_encoder_pass_per_article(best_pipeline: Pipeline, reference_article, monkeypatch) -> None:
    passes: list[int] = []
    encode = mpnet.MultitaskEncoder.encode

    def counted(self: mpnet.MultitaskEncoder, text: str) -> mpnet.MultitaskEncoding:
        passes.append(len(text))
        return encode(self, text)

    monkeypatch.setattr(mpnet.MultitaskEncoder, "encode", counted)
    outcome = best_pipeline.run(reference_article)
    assert not outcome.failures
    assert passes == [len(reference_article.text)]
    encoders = [value for value in best_pipeline.resources.values() if isinstance(value, mpnet.MultitaskEncoder)]
    assert len(encoders) == 1
    assert outcome.results["quotes"].method == "encoder"
    assert outcome.results["claims"].model == "mpnet-multitask"
    assert outcome.results["propaganda"].model.startswith("best")


def test_reference_page_attributions_keep_their_speakers(best_pipeline: Pipeline, reference_article) -> None:
    quotes = best_pipeline.run(reference_article).results["quotes"]
    named = {a.speaker.name for a in quotes.attributions if a.speaker and a.speaker.name}
    assert "Sergey Lavrov" in named or "Lavrov" in named
